package dev.llamatrace.benchmarks;

import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.redaction.BuiltInRedactionRules;
import dev.llamatrace.autoconfigure.redaction.ContentRedactor;
import dev.llamatrace.autoconfigure.redaction.MatchScope;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Capturing one 2,048-character prompt ({@link #PROMPT}, holding two e-mail addresses, and {@link #CLEAN_PROMPT},
 * holding none) through {@link ContentCapture#capture}: with the default rules (every built-in rule, as
 * {@code llamatrace.capture-content=true} configures them), with the same rules running their patterns over the whole
 * text ({@code wholeTextRules}: each rule's {@link MatchScope} replaced by {@link MatchScope#WHOLE_TEXT}, the e-mail
 * rule still skipping texts without {@code @}, as the rules ran before they had scopes), without redaction (the
 * baseline: {@code toString} and the length check only), and with content capture off (what every call costs by
 * default).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RedactionBenchmarks {

    /** The prompt size, in characters. */
    static final int PROMPT_LENGTH = 2048;

    /** A 2,048-character prompt with two e-mail addresses. */
    static final String PROMPT = prompt(true);

    /** A 2,048-character prompt with nothing to redact. */
    static final String CLEAN_PROMPT = prompt(false);

    final ContentCapture defaultRules =
            new ContentCapture(true, 4096, ContentRedactor.composite(BuiltInRedactionRules.all()));

    final ContentCapture wholeTextRules = new ContentCapture(
            true,
            4096,
            ContentRedactor.composite(BuiltInRedactionRules.all().stream()
                    .map((rule) -> rule.withScope(
                            rule.name().equals(BuiltInRedactionRules.EMAIL)
                                    ? new WholeTextWith('@')
                                    : MatchScope.WHOLE_TEXT))
                    .toList()));

    final ContentCapture noRedaction = new ContentCapture(true, 4096);

    final ContentCapture off = new ContentCapture(false, 4096, this.defaultRules.redactor());

    @Benchmark
    public @Nullable String capture_defaultRules_2kb_twoEmails() {
        return this.defaultRules.capture(PROMPT);
    }

    @Benchmark
    public @Nullable String capture_defaultRules_2kb_clean() {
        return this.defaultRules.capture(CLEAN_PROMPT);
    }

    @Benchmark
    public @Nullable String capture_wholeTextRules_2kb_twoEmails() {
        return this.wholeTextRules.capture(PROMPT);
    }

    @Benchmark
    public @Nullable String capture_wholeTextRules_2kb_clean() {
        return this.wholeTextRules.capture(CLEAN_PROMPT);
    }

    @Benchmark
    public @Nullable String capture_noRedaction_2kb_twoEmails() {
        return this.noRedaction.capture(PROMPT);
    }

    @Benchmark
    public @Nullable String capture_off_2kb_twoEmails() {
        return this.off.capture(PROMPT);
    }

    /** The whole text when it holds a character, else nothing: the e-mail rule's test before rules had scopes. */
    private record WholeTextWith(char required) implements MatchScope {

        @Override
        public int start(String text, int from) {
            return (from == 0 && text.indexOf(this.required) >= 0) ? 0 : -1;
        }

        @Override
        public int end(String text, int start) {
            return text.length();
        }
    }

    private static String prompt(boolean emails) {
        String head = "Context: the customer "
                + (emails ? "jane.doe@example.com" : "Jane Doe")
                + " asked on 2026-11-30 about order 4471 and its delivery to Lyon, 3 items, total 129.90 EUR. ";
        String tail = " Question: reply to " + (emails ? "support-team@example.org" : "the support team")
                + " with the delivery date.";
        StringBuilder text = new StringBuilder(head);
        String filler = "The parcel left the warehouse on Monday and reached the regional hub the day after. ";
        while (text.length() + filler.length() + tail.length() <= PROMPT_LENGTH) {
            text.append(filler);
        }
        while (text.length() + tail.length() < PROMPT_LENGTH) {
            text.append('.');
        }
        return text.append(tail).toString();
    }
}
