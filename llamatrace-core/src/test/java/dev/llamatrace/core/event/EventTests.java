package dev.llamatrace.core.event;

import static dev.llamatrace.core.callback.CBEventType.AGENT_STEP;
import static dev.llamatrace.core.callback.CBEventType.EMBEDDING;
import static dev.llamatrace.core.callback.CBEventType.EXCEPTION;
import static dev.llamatrace.core.callback.CBEventType.FUNCTION_CALL;
import static dev.llamatrace.core.callback.CBEventType.LLM;
import static dev.llamatrace.core.callback.CBEventType.QUERY;
import static dev.llamatrace.core.callback.CBEventType.RERANKING;
import static dev.llamatrace.core.callback.CBEventType.RETRIEVE;
import static dev.llamatrace.core.callback.CBEventType.SYNTHESIZE;
import static dev.llamatrace.core.event.EventPhase.END;
import static dev.llamatrace.core.event.EventPhase.INSTANT;
import static dev.llamatrace.core.event.EventPhase.IN_PROGRESS;
import static dev.llamatrace.core.event.EventPhase.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.CompletionResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.core.llm.ToolMetadata;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventTests {

    private static final List<ChatMessage> MESSAGES = List.of(ChatMessage.user("hi"));

    private static final ChatResponse CHAT = ChatResponse.of(ChatMessage.assistant("hello"), Map.of());

    private static final CompletionResponse COMPLETION = CompletionResponse.of("hello", Map.of());

    private static final ModelInfo MODEL = ModelInfo.of("openai", "gpt-4o");

    private static final List<NodeWithScore> NODES = List.of(NodeWithScore.of("n1", "text", 0.5));

    private static final ToolMetadata TOOL = new ToolMetadata("search", "searches", null);

    static Stream<Arguments> catalog() {
        return Stream.of(
                entry("LLMChatStartEvent", () -> new LLMChatStartEvent(MESSAGES, Map.of(), MODEL), LLM, START),
                entry("LLMChatInProgressEvent", () -> new LLMChatInProgressEvent(MESSAGES, CHAT), LLM, IN_PROGRESS),
                entry("LLMChatEndEvent", () -> new LLMChatEndEvent(MESSAGES, CHAT), LLM, END),
                entry("LLMCompletionStartEvent", () -> new LLMCompletionStartEvent("p", Map.of(), MODEL), LLM, START),
                entry(
                        "LLMCompletionInProgressEvent",
                        () -> new LLMCompletionInProgressEvent("p", COMPLETION),
                        LLM,
                        IN_PROGRESS),
                entry("LLMCompletionEndEvent", () -> new LLMCompletionEndEvent("p", COMPLETION), LLM, END),
                entry("LLMPredictStartEvent", () -> new LLMPredictStartEvent("t", Map.of()), LLM, START),
                entry("LLMPredictEndEvent", () -> new LLMPredictEndEvent("out"), LLM, END),
                entry(
                        "LLMStructuredPredictStartEvent",
                        () -> new LLMStructuredPredictStartEvent("Out", "t", Map.of()),
                        LLM,
                        START),
                entry(
                        "LLMStructuredPredictInProgressEvent",
                        () -> new LLMStructuredPredictInProgressEvent("partial"),
                        LLM,
                        IN_PROGRESS),
                entry("LLMStructuredPredictEndEvent", () -> new LLMStructuredPredictEndEvent("out"), LLM, END),
                entry("EmbeddingStartEvent", () -> new EmbeddingStartEvent(MODEL), EMBEDDING, START),
                entry(
                        "EmbeddingEndEvent",
                        () -> new EmbeddingEndEvent(List.of("c"), List.of(new float[] {1f})),
                        EMBEDDING,
                        END),
                entry("SparseEmbeddingStartEvent", () -> new SparseEmbeddingStartEvent(MODEL), EMBEDDING, START),
                entry(
                        "SparseEmbeddingEndEvent",
                        () -> new SparseEmbeddingEndEvent(List.of("c"), List.of(Map.of(1, 0.5f))),
                        EMBEDDING,
                        END),
                entry("RetrievalStartEvent", () -> new RetrievalStartEvent("q"), RETRIEVE, START),
                entry("RetrievalEndEvent", () -> new RetrievalEndEvent("q", NODES), RETRIEVE, END),
                entry("QueryStartEvent", () -> new QueryStartEvent("q"), QUERY, START),
                entry("QueryEndEvent", () -> new QueryEndEvent("q", "a"), QUERY, END),
                entry("SynthesizeStartEvent", () -> new SynthesizeStartEvent("q"), SYNTHESIZE, START),
                entry("SynthesizeEndEvent", () -> new SynthesizeEndEvent("q", "a"), SYNTHESIZE, END),
                entry("GetResponseStartEvent", () -> new GetResponseStartEvent("q", List.of("c")), null, START),
                entry("GetResponseEndEvent", GetResponseEndEvent::new, null, END),
                entry("ReRankStartEvent", () -> new ReRankStartEvent("q", NODES, 2, "m"), RERANKING, START),
                entry("ReRankEndEvent", () -> new ReRankEndEvent(NODES), RERANKING, END),
                entry(
                        "AgentRunStepStartEvent",
                        () -> new AgentRunStepStartEvent("task", null, "in"),
                        AGENT_STEP,
                        START),
                entry("AgentRunStepEndEvent", () -> new AgentRunStepEndEvent("out"), AGENT_STEP, END),
                entry("AgentChatWithStepStartEvent", () -> new AgentChatWithStepStartEvent("hi"), AGENT_STEP, START),
                entry("AgentChatWithStepEndEvent", () -> new AgentChatWithStepEndEvent("a"), AGENT_STEP, END),
                entry("AgentToolCallEvent", () -> new AgentToolCallEvent("{}", TOOL), FUNCTION_CALL, START),
                entry("ToolCallResultEvent", () -> new ToolCallResultEvent(TOOL, "r"), FUNCTION_CALL, END),
                entry("ExceptionEvent", () -> new ExceptionEvent(new IllegalStateException()), EXCEPTION, INSTANT),
                entry("StreamChatStartEvent", StreamChatStartEvent::new, null, START),
                entry("StreamChatDeltaReceivedEvent", () -> new StreamChatDeltaReceivedEvent("d"), null, IN_PROGRESS),
                entry(
                        "StreamChatErrorEvent",
                        () -> new StreamChatErrorEvent(new IllegalStateException()),
                        null,
                        INSTANT),
                entry("StreamChatEndEvent", StreamChatEndEvent::new, null, END),
                entry("SpanDropEvent", () -> new SpanDropEvent("s-1", new IllegalStateException()), null, INSTANT));
    }

    private static Arguments entry(
            String className, Supplier<Event> factory, @Nullable CBEventType type, EventPhase phase) {
        return Arguments.of(className, factory, type, phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void builtInEventMapsToItsLegacyTypeAndPhase(
            String className, Supplier<Event> factory, @Nullable CBEventType type, EventPhase phase) {
        Event event = factory.get();
        assertThat(event.className()).isEqualTo(className);
        assertThat((event.kind() != null) ? CBEventType.of(event.kind()) : null).isEqualTo(type);
        assertThat(event.phase()).isEqualTo(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void builtInEventIsStampedWithTheActiveSpan(
            String className, Supplier<Event> factory, @Nullable CBEventType type, EventPhase phase) {
        DispatcherRegistry registry = new DispatcherRegistry();
        registry.root().addSpanHandler(new SimpleSpanHandler());
        String expected = className.equals("SpanDropEvent") ? "s-1" : null;
        assertThat(factory.get().spanId()).isEqualTo(expected);
        Event inSpan = registry.root().span("work", factory::get);
        assertThat(inSpan.spanId()).isEqualTo((expected != null) ? expected : lastSpanId(registry));
    }

    @Test
    void eventsHaveUniqueIdsTimestampsAndTheTagsActiveWhenCreated() {
        DispatcherRegistry registry = new DispatcherRegistry();
        List<Event> seen = new CopyOnWriteArrayList<>();
        registry.root().addEventHandler(seen::add);
        QueryStartEvent first = new QueryStartEvent("q");
        QueryStartEvent second = new QueryStartEvent("q");
        assertThat(first.id()).isNotEqualTo(second.id()).startsWith("evt-");
        assertThat(second.timestamp()).isAfterOrEqualTo(first.timestamp());
        QueryStartEvent tagged;
        try (TraceContext.Scope tags = TraceContext.withTags(Map.of("k", "active", "own", 1))) {
            tagged = new QueryStartEvent("q");
        }
        registry.root().event(first);
        registry.root().event(tagged);
        assertThat(seen).containsExactly(first, tagged);
        assertThat(first.tags()).isEmpty();
        assertThat(tagged.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("k", "active", "own", 1));
    }

    private static String lastSpanId(DispatcherRegistry registry) {
        SimpleSpanHandler handler =
                (SimpleSpanHandler) registry.root().spanHandlers().get(0);
        return handler.completedSpans().get(handler.completedSpans().size() - 1).id();
    }
}
