package dev.llamatrace.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Checks that the redaction benchmarks measure what they say: 2 KB prompts, two e-mails redacted. No timing. */
class RedactionBenchmarksTests {

    private final RedactionBenchmarks benchmarks = new RedactionBenchmarks();

    @Test
    void promptsHaveTheAdvertisedSizeAndAddresses() {
        assertThat(RedactionBenchmarks.PROMPT).hasSize(RedactionBenchmarks.PROMPT_LENGTH);
        assertThat(RedactionBenchmarks.CLEAN_PROMPT).hasSize(RedactionBenchmarks.PROMPT_LENGTH);
        assertThat(RedactionBenchmarks.PROMPT.split("@", -1)).hasSize(3);
        assertThat(RedactionBenchmarks.CLEAN_PROMPT).doesNotContain("@");
    }

    @Test
    void defaultRulesReplaceExactlyTheTwoEmails() {
        String redacted = this.benchmarks.capture_defaultRules_2kb_twoEmails();
        assertThat(redacted).doesNotContain("@");
        assertThat(redacted.split("\\[email]", -1)).hasSize(3);
        assertThat(redacted.replace("[email]", ""))
                .isEqualTo(RedactionBenchmarks.PROMPT
                        .replace("jane.doe@example.com", "")
                        .replace("support-team@example.org", ""));
        assertThat(this.benchmarks.capture_defaultRules_2kb_clean()).isSameAs(RedactionBenchmarks.CLEAN_PROMPT);
    }

    @Test
    void wholeTextRulesRedactTheSameAsTheDefaultRules() {
        assertThat(this.benchmarks.capture_wholeTextRules_2kb_twoEmails())
                .isEqualTo(this.benchmarks.capture_defaultRules_2kb_twoEmails());
        assertThat(this.benchmarks.capture_wholeTextRules_2kb_clean()).isSameAs(RedactionBenchmarks.CLEAN_PROMPT);
    }

    @Test
    void baselineKeepsThePromptAndCaptureOffReturnsNothing() {
        assertThat(this.benchmarks.capture_noRedaction_2kb_twoEmails()).isEqualTo(RedactionBenchmarks.PROMPT);
        assertThat(this.benchmarks.capture_off_2kb_twoEmails()).isNull();
    }
}
