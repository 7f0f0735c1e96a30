package dev.llamatrace.autoconfigure.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The stretches a scope finds, and a rule running its pattern in them only. */
class MatchScopeTests {

    @Test
    void runsOfCharactersAreTheMaximalRunsHoldingEnoughCountedOnes() {
        MatchScope digitRuns = MatchScope.runsOf("0123456789 -", "0123456789", 3);
        String text = "ab 12 x 1-2-3 y 4567";
        int first = digitRuns.start(text, 0);
        assertThat(text.substring(first, digitRuns.end(text, first))).isEqualTo(" 1-2-3 ");
        int second = digitRuns.start(text, digitRuns.end(text, first));
        assertThat(text.substring(second, digitRuns.end(text, second))).isEqualTo(" 4567");
        assertThat(digitRuns.start(text, text.length())).isEqualTo(-1);
        assertThat(digitRuns.start("12 and é34", 0)).isEqualTo(-1);
    }

    @Test
    void runsHoldingOneCountedCharacterAreFoundAroundIt() {
        MatchScope atRuns = MatchScope.runsOf("abcdefghijklmnopqrstuvwxyz.@", "@", 1);
        String text = "mail jane.doe@example.org, bob and x@y.";
        int first = atRuns.start(text, 0);
        assertThat(text.substring(first, atRuns.end(text, first))).isEqualTo("jane.doe@example.org");
        int second = atRuns.start(text, atRuns.end(text, first));
        assertThat(text.substring(second, atRuns.end(text, second))).isEqualTo("x@y.");
        assertThat(atRuns.start(text, atRuns.end(text, second))).isEqualTo(-1);
        assertThat(atRuns.start("@start", 0)).isZero();
        assertThat(atRuns.start("no address here", 0)).isEqualTo(-1);
    }

    @Test
    void fromFirstStartsAtTheEarliestPrefixAndRunsToTheEnd() {
        MatchScope keys = MatchScope.fromFirst(false, "sk-", "AKIA");
        assertThat(keys.start("an AKIA key and sk-1", 0)).isEqualTo(3);
        assertThat(keys.end("an AKIA key and sk-1", 3)).isEqualTo(20);
        assertThat(keys.start("an akia key", 0)).isEqualTo(-1);
        MatchScope bearer = MatchScope.fromFirst(true, "Bearer");
        assertThat(bearer.start("Authorization: BEARER x", 0)).isEqualTo(15);
        assertThat(bearer.start("bear", 0)).isEqualTo(-1);
        assertThat(bearer.start("b Be bear Bearers bEaReR", 0)).isEqualTo(10);
        assertThat(bearer.start("b Be bear Bearers bEaReR", 11)).isEqualTo(18);
        assertThat(bearer.start("bearer", 1)).isEqualTo(-1);
        assertThat(MatchScope.fromFirst(true, "-Key").start("a-kex -KEY", 0)).isEqualTo(6);
    }

    @Test
    void aRuleRunsItsPatternInTheStretchesOnlyAndSeesAroundThem() {
        // The look-behind sees the character before a stretch: "-4111" is not a card number here.
        RedactionRule digits = RedactionRule.of("n", Pattern.compile("(?<![\\d-])\\d{4}\\b"))
                .withScope(MatchScope.runsOf("0123456789-", "0123456789", 4));
        assertThat(digits.redact("a 1234 b-4111 c 12 d 5678")).isEqualTo("a [n] b-4111 c 12 d [n]");
        String clean = "no four digits: 12 34";
        assertThat(digits.redact(clean)).isSameAs(clean);
    }

    @Test
    void badScopesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> MatchScope.runsOf("0123", "0", 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MatchScope.runsOf("0123", "4", 1))
                .withMessageContaining("'4'");
        assertThatIllegalArgumentException().isThrownBy(() -> MatchScope.runsOf("é", "é", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> MatchScope.fromFirst(false));
        assertThatIllegalArgumentException().isThrownBy(() -> MatchScope.fromFirst(true, ""));
    }
}
