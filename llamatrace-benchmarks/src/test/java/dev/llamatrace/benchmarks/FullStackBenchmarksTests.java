package dev.llamatrace.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.benchmarks.FullStackApplication.Variant;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.trace.SimpleSpan;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks that the full-stack benchmarks run what they claim: each call reaches Spring AI's observations, Boot's meters
 * in the Prometheus registry and the OpenTelemetry exporter, once per span (llamatrace enriches Spring AI's spans, it
 * does not export them twice), and llamatrace's handlers exactly in the variant that has them. No timing is asserted.
 */
class FullStackBenchmarksTests {

    private final FullStackBenchmarks benchmarks = new FullStackBenchmarks();

    private FullStackBenchmarks.Application application;

    @AfterEach
    void tearDown() {
        if (this.application != null) {
            this.application.stop();
        }
        TraceContext.clear();
    }

    @Test
    void withoutLlamatraceCallsAreObservedMeteredAndExportedByBootAlone() {
        FullStackBenchmarks.Without without = start(new FullStackBenchmarks.Without());
        assertThat(this.benchmarks.springAi_call_without(without)).isEqualTo(FixedAnswerChatModel.ANSWER);
        assertThat(this.benchmarks.springAi_stream_without(without)).isNotEmpty();
        assertThat(this.benchmarks.langChain4j_chat_without(without)).isEqualTo(FixedAnswerChatModel.ANSWER);
        assertThat(without.context.getBeanNamesForType(SpanHandler.class)).isEmpty();
        assertThat(without.context.containsBean(LlamaTraceAutoConfiguration.REGISTRY_BEAN_NAME))
                .isFalse();
        assertThat(chatModelCalls(without)).isEqualTo(2);
        assertThat(scrape(without)).doesNotContain("llamatrace_");
        // Per call and per stream: the chat client, its two advisors and the chat model; LangChain4j exports nothing.
        assertThat(exported(without)).isEqualTo(8);
    }

    @Test
    void withLlamatraceEveryCallIsASpanMeteredAndExportedOnce() {
        FullStackBenchmarks.Llamatrace llamatrace = start(new FullStackBenchmarks.Llamatrace());
        assertThat(this.benchmarks.springAi_call_llamatrace(llamatrace)).isEqualTo(FixedAnswerChatModel.ANSWER);
        assertThat(this.benchmarks.springAi_stream_llamatrace(llamatrace)).isNotEmpty();
        assertThat(this.benchmarks.langChain4j_chat_llamatrace(llamatrace)).isEqualTo(FixedAnswerChatModel.ANSWER);
        SimpleSpanHandler spans = llamatrace.context.getBean(SimpleSpanHandler.class);
        assertThat(spans.completedSpans())
                .extracting(SimpleSpan::name)
                .containsExactlyInAnyOrder(
                        "chat gpt-4o-mini",
                        "ChatClient.call",
                        "chat gpt-4o-mini",
                        "ChatClient.stream",
                        "chat gpt-4o-mini");
        assertThat(llamatrace.context.getBeansOfType(ObservationHandler.class).keySet())
                .anyMatch((name) -> name.startsWith("llamatrace"));
        assertThat(chatModelCalls(llamatrace)).isEqualTo(2);
        assertThat(scrape(llamatrace)).contains("llamatrace_span_duration", "gen_ai_client_operation_duration");
        // The same Spring AI spans, carrying llamatrace's attributes, not exported twice; the stream's first-chunk
        // advisor; the LangChain4j call's span.
        assertThat(exported(llamatrace)).isEqualTo(10);
    }

    @Test
    void withoutTheTimeToFirstChunkAStreamHasNoAdvisorOfLlamatrace() {
        FullStackBenchmarks.LlamatraceWithoutFirstChunk llamatrace =
                start(new FullStackBenchmarks.LlamatraceWithoutFirstChunk());
        assertThat(this.benchmarks.springAi_stream_llamatraceWithoutFirstChunk(llamatrace))
                .isNotEmpty();
        SimpleSpanHandler spans = llamatrace.context.getBean(SimpleSpanHandler.class);
        // The ChatClient's observation stops on Reactor's thread once the last chunk has been handed over.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.completedSpans())
                .extracting(SimpleSpan::name)
                .containsExactlyInAnyOrder("ChatClient.stream", "chat gpt-4o-mini"));
        // The chat client, its two advisors and the chat model, as without llamatrace.
        assertThat(exported(llamatrace)).isEqualTo(4);
    }

    @Test
    void switchedOffLlamatraceAttachesNothing() {
        FullStackBenchmarks.Disabled disabled = start(new FullStackBenchmarks.Disabled());
        assertThat(this.benchmarks.springAi_call_disabled(disabled)).isEqualTo(FixedAnswerChatModel.ANSWER);
        assertThat(disabled.context.getBeanNamesForType(SpanHandler.class)).isEmpty();
        assertThat(disabled.context.getBeansOfType(ObservationHandler.class).keySet())
                .noneMatch((name) -> name.startsWith("llamatrace"));
        assertThat(scrape(disabled)).doesNotContain("llamatrace_");
        assertThat(exported(disabled)).isEqualTo(4);
    }

    private <A extends FullStackBenchmarks.Application> A start(A application) {
        this.application = application;
        application.start();
        assertThat(application.variant()).isIn((Object[]) Variant.values());
        return application;
    }

    /** Closes the application, which flushes Boot's batch span processor, and returns what was exported. */
    private long exported(FullStackBenchmarks.Application application) {
        CountingSpanExporter exporter = application.context.getBean(CountingSpanExporter.class);
        application.stop();
        this.application = null;
        return exporter.exported();
    }

    private static long chatModelCalls(FullStackBenchmarks.Application application) {
        return application
                .context
                .getBean(MeterRegistry.class)
                .get("gen_ai.client.operation")
                .timer()
                .count();
    }

    private static String scrape(FullStackBenchmarks.Application application) {
        return application.context.getBean(PrometheusMeterRegistry.class).scrape();
    }
}
