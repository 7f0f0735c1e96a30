package dev.llamatrace.core.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CBEvent;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackEventHandler;
import dev.llamatrace.core.callback.CallbackManager;
import dev.llamatrace.core.callback.EventContext;
import dev.llamatrace.core.callback.EventStats;
import dev.llamatrace.core.callback.TraceScope;
import dev.llamatrace.core.event.EmbeddingEndEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.event.QueryEndEvent;
import dev.llamatrace.core.event.QueryStartEvent;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LlamaDebugHandlerTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final LlamaDebugHandler handler =
            LlamaDebugHandler.builder().printLevel(System.Logger.Level.INFO).build();

    LlamaDebugHandlerTests() {
        this.registry.root().addEventHandler(new CallbackEventHandler(this.handler));
    }

    private String[] nestedTraceThroughTheCallbackApi() {
        CallbackManager manager = new CallbackManager(this.registry.get("app"));
        String[] ids = new String[4];
        try (TraceScope trace = manager.asTrace("query")) {
            try (EventContext query = manager.event(CBEventType.QUERY, Map.of("query_str", "q"))) {
                ids[0] = query.eventId();
                try (EventContext retrieve = manager.event(CBEventType.RETRIEVE, Map.of("query_str", "q"))) {
                    ids[1] = retrieve.eventId();
                    ids[2] = manager.onEventStart(CBEventType.EMBEDDING, Map.of());
                    manager.onEventEnd(CBEventType.EMBEDDING, Map.of("chunks", List.of("q")), ids[2]);
                    retrieve.onEnd(Map.of("nodes", List.of()));
                }
                ids[3] = manager.onEventStart(CBEventType.LLM, Map.of("messages", List.of(ChatMessage.user("q"))));
                manager.onEventEnd(CBEventType.LLM, Map.of("response", "a"), ids[3]);
                query.onEnd(Map.of("response", "a"));
            }
        }
        return ids;
    }

    @Test
    void pairsAndTimeInfoCoverANestedTraceFromTheCallbackApi() {
        String[] ids = nestedTraceThroughTheCallbackApi();
        assertThat(this.handler.getEvents(null)).hasSize(8);
        assertThat(this.handler.getEventPairs(null))
                .extracting((pair) -> pair.get(0).id())
                .containsExactly(ids);
        assertThat(this.handler.getEventPairs(CBEventType.RETRIEVE))
                .singleElement()
                .satisfies((pair) -> {
                    assertThat(pair).extracting(CBEvent::id).containsExactly(ids[1], ids[1]);
                    assertThat(pair.get(1).payload()).containsKey("nodes");
                });
        List<List<CBEvent>> llm = this.handler.getLlmInputsOutputs();
        assertThat(llm).singleElement().satisfies((pair) -> {
            assertThat(pair.get(0).payload()).containsKey("messages");
            assertThat(pair.get(1).payload()).containsEntry("response", "a");
        });
        EventStats query = this.handler.getEventTimeInfo(CBEventType.QUERY);
        EventStats retrieve = this.handler.getEventTimeInfo(CBEventType.RETRIEVE);
        assertThat(query.totalCount()).isEqualTo(1);
        assertThat(query.totalSecs())
                .isGreaterThanOrEqualTo(retrieve.totalSecs())
                .isGreaterThan(0);
        assertThat(query.averageSecs()).isEqualTo(query.totalSecs());
        assertThat(this.handler.getEventTimeInfo(null).totalCount()).isEqualTo(4);
    }

    @Test
    void theTraceMapIsPrintedInLlamaIndexLayout() {
        String[] ids = nestedTraceThroughTheCallbackApi();
        assertThat(this.handler.getTraces()).singleElement().satisfies((trace) -> {
            assertThat(trace.traceId()).isEqualTo("query");
            assertThat(trace.traceMap()).containsEntry(ids[0], List.of(ids[1], ids[3]));
        });
        String printed = this.handler.printTraceMap();
        // Python prints durations below 1e-4 in scientific notation (3.4e-05).
        String seconds = " -> (\\d+\\.\\d+|\\d(\\.\\d+)?e-\\d\\d) seconds";
        assertThat(printed.split("\n"))
                .satisfiesExactly(
                        (line) -> assertThat(line).isEqualTo("**********"),
                        (line) -> assertThat(line).isEqualTo("Trace: query"),
                        (line) -> assertThat(line).matches("    \\|_CBEventType\\.QUERY" + seconds),
                        (line) -> assertThat(line).matches("      \\|_CBEventType\\.RETRIEVE" + seconds),
                        (line) -> assertThat(line).matches("        \\|_CBEventType\\.EMBEDDING" + seconds),
                        (line) -> assertThat(line).matches("      \\|_CBEventType\\.LLM" + seconds),
                        (line) -> assertThat(line).isEqualTo("**********"));
    }

    @Test
    void secondsArePrintedAsPythonPrintsFloats() {
        assertThat(TraceMapPrinter.seconds(java.time.Duration.ZERO)).isEqualTo("0.0");
        assertThat(TraceMapPrinter.seconds(java.time.Duration.ofMillis(1500))).isEqualTo("1.5");
        assertThat(TraceMapPrinter.seconds(java.time.Duration.ofNanos(2_345_678)))
                .isEqualTo("0.002345");
        assertThat(TraceMapPrinter.seconds(java.time.Duration.ofSeconds(3))).isEqualTo("3.0");
        assertThat(TraceMapPrinter.seconds(java.time.Duration.ofNanos(34_999))).isEqualTo("3.4e-05");
        assertThat(TraceMapPrinter.seconds(java.time.Duration.ofMillis(100))).isEqualTo("0.1");
    }

    @Test
    void builtInEventsArePairedBySpan() {
        Dispatcher app = this.registry.get("app");
        this.registry.root().addSpanHandler(new NoopSpans());
        app.span("QueryEngine.query", () -> {
            app.event(new QueryStartEvent("q"));
            app.span("Retriever.retrieve", () -> {
                app.event(new RetrievalStartEvent("q"));
                app.span("Embedder.embed", () -> {
                    app.event(new EmbeddingStartEvent(ModelInfo.of("openai", "text-embedding-3-small")));
                    app.event(new EmbeddingEndEvent(List.of("q"), List.of(new float[] {1f})));
                    return null;
                });
                app.event(new RetrievalEndEvent("q", List.of()));
                return null;
            });
            app.span("Model.chat", () -> {
                List<ChatMessage> messages = List.of(ChatMessage.user("q"));
                app.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o")));
                app.event(new LLMChatEndEvent(messages, ChatResponse.of(ChatMessage.assistant("a"), Map.of())));
                return null;
            });
            app.event(new QueryEndEvent("q", "a"));
            return null;
        });
        List<List<CBEvent>> pairs = this.handler.getEventPairs(null);
        assertThat(pairs).hasSize(4).allSatisfy((pair) -> assertThat(pair).hasSize(2));
        assertThat(pairs)
                .extracting((pair) -> pair.get(0).type())
                .containsExactly(CBEventType.QUERY, CBEventType.RETRIEVE, CBEventType.EMBEDDING, CBEventType.LLM);
        assertThat(pairs.get(0).get(0).id()).startsWith("QueryEngine.query-");
        assertThat(this.handler.getLlmInputsOutputs().get(0).get(1).payload()).containsKeys("messages", "response");
        assertThat(this.handler.getEventTimeInfo(CBEventType.EMBEDDING).totalCount())
                .isEqualTo(1);
    }

    @Test
    void statisticsOfNoEventsAreZeros() {
        assertThat(this.handler.getEventTimeInfo(CBEventType.LLM)).isEqualTo(new EventStats(0, 0, 0));
        assertThat(this.handler.getEventTimeInfo(null)).isEqualTo(EventStats.EMPTY);
        assertThat(this.handler.getEventPairs(CBEventType.LLM)).isEmpty();
        assertThat(this.handler.printTraceMap()).isEmpty();
    }

    @Test
    void flushClearsEventsButKeepsTraces() {
        nestedTraceThroughTheCallbackApi();
        this.handler.flushEventLogs();
        assertThat(this.handler.getEvents(null)).isEmpty();
        assertThat(this.handler.getEvents(CBEventType.LLM)).isEmpty();
        assertThat(this.handler.getTraces()).hasSize(1);
    }

    @Test
    void eventsAndTracesAreEvictedAtTheirCaps() {
        LlamaDebugHandler small = LlamaDebugHandler.builder()
                .maxEvents(3)
                .maxTraces(2)
                .printTraceOnEnd(false)
                .build();
        for (int i = 0; i < 3; i++) {
            small.onEventStart(CBEventType.LLM, Map.of(), "llm-" + i, null);
            small.onEventEnd(CBEventType.LLM, Map.of(), "llm-" + i);
            small.endTrace("t" + i, Map.of());
        }
        assertThat(small.getEvents(null)).extracting(CBEvent::id).containsExactly("llm-1", "llm-2", "llm-2");
        assertThat(small.getEvents(CBEventType.LLM)).hasSize(3);
        assertThat(small.getEventPairs(CBEventType.LLM)).extracting(List::size).containsExactly(1, 2);
        assertThat(small.evictedEvents()).isEqualTo(3);
        assertThat(small.getTraces()).extracting(DebugTrace::traceId).containsExactly("t1", "t2");
        assertThat(small.evictedTraces()).isEqualTo(1);
    }

    private static final class NoopSpans implements SpanHandler<Span> {

        @Override
        public void spanEnter(dev.llamatrace.core.span.SpanInvocation span) {}

        @Override
        public void spanExit(dev.llamatrace.core.span.SpanInvocation span, @Nullable Object result, long endNanos) {}

        @Override
        public void spanDrop(dev.llamatrace.core.span.SpanInvocation span, Throwable error, long endNanos) {}
    }
}
