package dev.llamatrace.autoconfigure.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each built-in rule replaces what it names by its marker and leaves look-alikes alone. */
class BuiltInRedactionRulesTests {

    private final ContentRedactor defaults = ContentRedactor.composite(BuiltInRedactionRules.all());

    @Test
    void emailAddressesAreReplacedByTheEmailMarker() {
        assertThat(redact(BuiltInRedactionRules.EMAIL, "mail jane.doe+rag@mail.example.co.uk or bob@example.org now"))
                .isEqualTo("mail [email] or [email] now");
        assertThat(redact(BuiltInRedactionRules.EMAIL, "user@localhost and @handle"))
                .isEqualTo("user@localhost and @handle");
    }

    @Test
    void bearerTokensAreReplacedWholeWhateverTheirCase() {
        assertThat(redact(BuiltInRedactionRules.BEARER_TOKEN, "Authorization: Bearer eyJhbGciOi.J9x_y-z== next"))
                .isEqualTo("Authorization: [bearer-token] next");
        assertThat(redact(BuiltInRedactionRules.BEARER_TOKEN, "authorization: bearer abc123"))
                .isEqualTo("authorization: [bearer-token]");
    }

    @Test
    void apiKeysOfKnownShapesAreReplaced() {
        assertThat(redact(BuiltInRedactionRules.API_KEY, "key sk-proj-AbCdEf0123456789xyz used"))
                .isEqualTo("key [api-key] used");
        assertThat(redact(BuiltInRedactionRules.API_KEY, "AKIAIOSFODNN7EXAMPLE and ghp_" + "a".repeat(36)))
                .isEqualTo("[api-key] and [api-key]");
        assertThat(redact(BuiltInRedactionRules.API_KEY, "task-list and sk-short"))
                .isEqualTo("task-list and sk-short");
    }

    @Test
    void cardNumbersPassingTheLuhnCheckAreReplaced() {
        assertThat(redact(BuiltInRedactionRules.CARD_NUMBER, "card 4111 1111 1111 1111, exp 12/29"))
                .isEqualTo("card [card-number], exp 12/29");
        assertThat(redact(BuiltInRedactionRules.CARD_NUMBER, "card 5500-0000-0000-0004."))
                .isEqualTo("card [card-number].");
        assertThat(redact(BuiltInRedactionRules.CARD_NUMBER, "amex 378282246310005"))
                .isEqualTo("amex [card-number]");
    }

    @Test
    void numbersFailingTheLuhnCheckAreLeftAlone() {
        assertThat(redact(BuiltInRedactionRules.CARD_NUMBER, "order 4111 1111 1111 1112"))
                .isEqualTo("order 4111 1111 1111 1112");
        assertThat(this.defaults.redact("order 4111111111111112 shipped")).isEqualTo("order 4111111111111112 shipped");
    }

    @Test
    void phoneNumbersAreReplaced() {
        assertThat(redact(BuiltInRedactionRules.PHONE, "call +44 20 7946 0958 or (555) 123-4567 or 555.123.4567"))
                .isEqualTo("call [phone] or [phone] or [phone]");
        assertThat(redact(BuiltInRedactionRules.PHONE, "version 1.2.3, 2026-12-03, 42 items, +1 2"))
                .isEqualTo("version 1.2.3, 2026-12-03, 42 items, +1 2");
    }

    @Test
    void theDefaultsTellCardNumbersFromPhoneNumbersAndBearerTokensFromKeys() {
        assertThat(
                        this.defaults.redact(
                                "Bearer sk-proj-AbCdEf0123456789xyz for jane@example.com, card 4111111111111111, tel +1 415 555 0100"))
                .isEqualTo("[bearer-token] for [email], card [card-number], tel [phone]");
    }

    @Test
    void textWithNothingToRedactIsReturnedAsIs() {
        String text = "What is the capital of France?";
        assertThat(this.defaults.redact(text)).isSameAs(text);
    }

    @Test
    void aRuleOfAnUnknownNameIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BuiltInRedactionRules.rule("ssn"))
                .withMessageContaining("ssn")
                .withMessageContaining(BuiltInRedactionRules.EMAIL);
    }

    @Test
    void aPatternRuleReplacesEachNonEmptyMatchByItsMarker() {
        RedactionRule rule = RedactionRule.of("order-id", Pattern.compile("ORD-\\d+"));
        assertThat(rule.redact("ORD-1 and ORD-22")).isEqualTo("[order-id] and [order-id]");
        assertThat(RedactionRule.of("empty", Pattern.compile("x*")).redact("abc"))
                .isEqualTo("abc");
    }

    @Test
    void eachRuleFindsTheSameMatchesInItsScopeAsInTheWholeText() {
        // Random texts of pieces that start, end, break or extend a rule's matches (its own pieces mostly, the others'
        // too), so that a scope leaving out a place a match can lie, or cutting a match, gives another result than
        // the same pattern over the whole text.
        Map<String, List<String>> pieces = Map.of(
                BuiltInRedactionRules.EMAIL,
                List.of("jane", ".", "doe", "@", "@example", ".org", "co", ".uk", "-", "_", "+", "%", "@@", "a@b.io"),
                BuiltInRedactionRules.BEARER_TOKEN,
                List.of("Bearer", "bearer ", "BEARER", "beaRer\t", "bear", "er", "abc", "=", "==", "/", "~", "+", "."),
                BuiltInRedactionRules.API_KEY,
                List.of(
                        "sk-",
                        "pk-",
                        "rk-",
                        "task-",
                        "AbCdEf0123456789xyz",
                        "AKIA",
                        "IOSFODNN7EXAMPLE",
                        "ghp_",
                        "ghs_",
                        "a".repeat(36),
                        "xoxb-",
                        "xoxq-",
                        "0123456789",
                        "AIza",
                        "SyA".repeat(12),
                        "_",
                        "-"),
                BuiltInRedactionRules.CARD_NUMBER,
                List.of(
                        "4111",
                        "1111",
                        "0000",
                        "0004",
                        "5500",
                        "378282246310005",
                        "4111111111111111",
                        "9",
                        " ",
                        "-",
                        "  ",
                        "7"),
                BuiltInRedactionRules.PHONE,
                List.of("+", "+44", "555", "123", "4567", "(555)", "(", ")", " ", ".", "-", "20", "7946", "0958", "1"));
        List<String> others = List.of(" ", "x", "é", "\n", "order", "Q", "1", "k");
        Random random = new Random(16);
        for (String name : BuiltInRedactionRules.NAMES) {
            RedactionRule scoped = BuiltInRedactionRules.rule(name);
            RedactionRule whole = scoped.withScope(MatchScope.WHOLE_TEXT);
            List<String> own = pieces.get(name);
            List<String> all = pieces.values().stream().flatMap(List::stream).toList();
            int redacted = 0;
            for (int i = 0; i < 4000; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(24); n > 0; n--) {
                    int kind = random.nextInt(10);
                    List<String> from = (kind < 7) ? own : (kind < 9) ? all : others;
                    text.append(from.get(random.nextInt(from.size())));
                }
                String expected = whole.redact(text.toString());
                assertThat(scoped.redact(text.toString()))
                        .as("%s in \"%s\"", name, text)
                        .isEqualTo(expected);
                if (!expected.contentEquals(text)) {
                    redacted++;
                }
            }
            assertThat(redacted)
                    .as("texts with something to redact for %s", name)
                    .isGreaterThan(250);
        }
    }

    private static String redact(String rule, String text) {
        return BuiltInRedactionRules.rule(rule).redact(text);
    }
}
