package dev.llamatrace.autoconfigure.redaction;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A named pattern whose matches are replaced by {@code [name]}. A match the check rejects (e.g. a number failing the
 * Luhn check) is left alone. The pattern runs only in the stretches of the text its {@link MatchScope} finds (e.g. the
 * runs of digits long enough to be a card number), so that a long value with nothing to redact costs a cheap scan.
 *
 * @param name the rule name, shown in the marker
 * @param pattern what to replace
 * @param check whether a match is really to be replaced
 * @param scope where matches can lie; {@link MatchScope#WHOLE_TEXT} when nothing narrower is known
 */
public record RedactionRule(String name, Pattern pattern, Predicate<String> check, MatchScope scope)
        implements ContentRedactor {

    /**
     * Checks the values.
     *
     * @param name the rule name, not blank
     * @param pattern what to replace
     * @param check whether a match is really to be replaced
     * @param scope where matches can lie
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
        return new RedactionRule(name, pattern, (match) -> true, MatchScope.WHOLE_TEXT);
    }

    /**
     * Returns this rule replacing only the matches a check accepts.
     *
     * @param check whether a match is really to be replaced
     * @return the rule
     */
    public RedactionRule withCheck(Predicate<String> check) {
        return new RedactionRule(this.name, this.pattern, check, this.scope);
    }

    /**
     * Returns this rule running its pattern only where a scope says matches can lie.
     *
     * @param scope where matches can lie; it must not leave out any
     * @return the rule
     */
    public RedactionRule withScope(MatchScope scope) {
        return new RedactionRule(this.name, this.pattern, this.check, scope);
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
        int start = this.scope.start(text, 0);
        if (start < 0) {
            return text;
        }
        // Transparent bounds: look-arounds and \b see past a stretch, so each match is the one a scan of the whole text
        // finds; no anchoring bounds: ^ and $ do not match at a stretch's ends.
        Matcher matcher = this.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        @Nullable StringBuilder result = null;
        String marker = "";
        int copied = 0;
        while (start >= 0) {
            int end = this.scope.end(text, start);
            matcher.region(start, end);
            while (matcher.find()) {
                if (matcher.end() > matcher.start() && this.check.test(matcher.group())) {
                    if (result == null) {
                        result = new StringBuilder(text.length());
                        marker = marker();
                    }
                    result.append(text, copied, matcher.start()).append(marker);
                    copied = matcher.end();
                }
            }
            start = (end < text.length()) ? this.scope.start(text, end) : -1;
        }
        return (result != null) ? result.append(text, copied, text.length()).toString() : text;
    }
}
