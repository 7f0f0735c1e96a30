package dev.llamatrace.autoconfigure.redaction;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The built-in redaction rules, by name, in the order they run: bearer tokens before API keys (a bearer token is often
 * an API key), card numbers before phone numbers (a card number looks like a long phone number).
 */
public final class BuiltInRedactionRules {

    /** E-mail addresses. */
    public static final String EMAIL = "email";

    /** {@code Authorization: Bearer ...} tokens, whatever follows {@code Bearer}. */
    public static final String BEARER_TOKEN = "bearer-token";

    /**
     * API keys of well-known shapes: {@code sk-}/{@code pk-}/{@code rk-} keys (OpenAI, Anthropic, Stripe), AWS access
     * key ids, GitHub, Slack and Google API keys.
     */
    public static final String API_KEY = "api-key";

    /** Payment card numbers: 13 to 19 digits, optionally grouped by spaces or dashes, passing the Luhn check. */
    public static final String CARD_NUMBER = "card-number";

    /**
     * Phone numbers: international ({@code +} and 7 to 15 digits, optionally grouped) or North American
     * ({@code 555-123-4567}, {@code (555) 123 4567}).
     */
    public static final String PHONE = "phone";

    private static final String DIGITS = "0123456789";

    private static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" + DIGITS;

    // Each rule's scope is a cheap scan for where its matches can lie (the characters a match is made of, or how it
    // starts), so its pattern runs there only; BuiltInRedactionRulesTests checks that this changes no result.
    private static final Map<String, RedactionRule> RULES = Map.of(
            EMAIL,
            RedactionRule.of(
                            EMAIL,
                            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"))
                    .withScope(MatchScope.runsOf(LETTERS_AND_DIGITS + "._%+-@", "@", 1)),
            BEARER_TOKEN,
            RedactionRule.of(BEARER_TOKEN, Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]+=*"))
                    .withScope(MatchScope.fromFirst(true, "bearer")),
            API_KEY,
            RedactionRule.of(
                            API_KEY,
                            Pattern.compile("\\b(?:(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}"
                                    + "|AKIA[0-9A-Z]{16}"
                                    + "|gh[pousr]_[A-Za-z0-9]{36,}"
                                    + "|xox[abposr]-[A-Za-z0-9-]{10,}"
                                    + "|AIza[0-9A-Za-z_-]{35})"))
                    .withScope(MatchScope.fromFirst(
                            false, "sk-", "pk-", "rk-", "AKIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "xoxa-",
                            "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-", "AIza")),
            CARD_NUMBER,
            RedactionRule.of(CARD_NUMBER, Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])"))
                    .withCheck(BuiltInRedactionRules::luhn)
                    .withScope(MatchScope.runsOf(DIGITS + " -", DIGITS, 13)),
            PHONE,
            RedactionRule.of(
                            PHONE,
                            Pattern.compile("(?<![\\w+])(?:\\+\\d[\\d .()-]{5,18}\\d"
                                    + "|\\(?\\d{3}\\)?[ .-]?\\d{3}[ .-]\\d{4})(?![\\w])"))
                    .withCheck(BuiltInRedactionRules::phoneDigits)
                    // The check wants 7 digits at least.
                    .withScope(MatchScope.runsOf(DIGITS + " .()+-", DIGITS, 7)));

    /** The names of the built-in rules, in the order they run. */
    public static final List<String> NAMES = List.of(EMAIL, BEARER_TOKEN, API_KEY, CARD_NUMBER, PHONE);

    private BuiltInRedactionRules() {}

    /**
     * Returns a built-in rule.
     *
     * @param name one of {@link #NAMES}
     * @return the rule
     * @throws IllegalArgumentException for an unknown name
     */
    public static RedactionRule rule(String name) {
        RedactionRule rule = RULES.get(name);
        if (rule == null) {
            throw new IllegalArgumentException("Unknown redaction rule '" + name + "'; built-in rules are " + NAMES);
        }
        return rule;
    }

    /**
     * Returns every built-in rule, in the order they run.
     *
     * @return the rules
     */
    public static List<RedactionRule> all() {
        return NAMES.stream().map(BuiltInRedactionRules::rule).toList();
    }

    /** Whether the digits of a number pass the Luhn check. */
    static boolean luhn(String number) {
        int sum = 0;
        boolean doubled = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int digit = c - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean phoneDigits(String number) {
        long digits = number.chars().filter(Character::isDigit).count();
        return digits >= 7 && digits <= 15;
    }
}
