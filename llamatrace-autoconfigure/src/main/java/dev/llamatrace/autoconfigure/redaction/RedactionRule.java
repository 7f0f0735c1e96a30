package dev.llamatrace.autoconfigure.redaction;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named pattern whose matches are replaced by {@code [name]}. A match the check rejects (e.g. a number failing the
 * Luhn check) is left alone; a text lacking the rule's required character is not scanned at all.
 *
 * @param name the rule name, shown in the marker
 * @param pattern what to replace
 * @param check whether a match is really to be replaced
 * @param requiredChar a character every match contains, to skip texts cheaply; {@code 0} for none
 */
public record RedactionRule(String name, Pattern pattern, Predicate<String> check, char requiredChar)
        implements ContentRedactor {

    /**
     * Checks the values.
     *
     * @param name the rule name, not blank
     * @param pattern what to replace
     * @param check whether a match is really to be replaced
     * @param requiredChar a character every match contains, {@code 0} for none
     */
    public RedactionRule {
        if (name.isBlank()) {
            throw new IllegalArgumentException("A redaction rule needs a name");
        }
    }

    /**
     * Returns a rule replacing every match of a pattern.
     *
     * @param name the rule name
     * @param pattern what to replace
     * @return the rule
     */
    public static RedactionRule of(String name, Pattern pattern) {
        return new RedactionRule(name, pattern, (match) -> true, (char) 0);
    }

    /**
     * Returns this rule replacing only the matches a check accepts.
     *
     * @param check whether a match is really to be replaced
     * @return the rule
     */
    public RedactionRule withCheck(Predicate<String> check) {
        return new RedactionRule(this.name, this.pattern, check, this.requiredChar);
    }

    /**
     * Returns the marker matches are replaced with.
     *
     * @return {@code [name]}
     */
    public String marker() {
        return "[" + this.name + "]";
    }

    @Override
    public String redact(String text) {
        if (this.requiredChar != 0 && text.indexOf(this.requiredChar) < 0) {
            return text;
        }
        Matcher matcher = this.pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        String marker = marker();
        StringBuilder result = new StringBuilder(text.length());
        int copied = 0;
        boolean replaced = false;
        do {
            if (matcher.end() > matcher.start() && this.check.test(matcher.group())) {
                result.append(text, copied, matcher.start()).append(marker);
                copied = matcher.end();
                replaced = true;
            }
        } while (matcher.find());
        return replaced ? result.append(text, copied, text.length()).toString() : text;
    }
}
