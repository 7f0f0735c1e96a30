package dev.llamatrace.autoconfigure.docs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.support.Recorder;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.Dispatchers;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.event.EvaluationEvent;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.CompletionResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.UsageKeys;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the core snippets the docs show (this package; compared with the docs by {@code SnippetsAreDocumentedTests}).
 * Some use the process-wide root, as the docs do; whatever they attach there is detached after each test.
 */
class CoreSnippetsTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Recorder recorder = new Recorder();

    private List<EventHandler> rootEventHandlers = List.of();

    private List<SpanHandler<?>> rootSpanHandlers = List.of();

    @BeforeEach
    void rememberTheRootsHandlers() {
        this.rootEventHandlers = List.copyOf(Dispatchers.root().eventHandlers());
        this.rootSpanHandlers = List.copyOf(Dispatchers.root().spanHandlers());
        this.registry.root().addEventHandler(this.recorder);
        this.registry.root().addSpanHandler(this.recorder);
    }

    @AfterEach
    void detachWhatTheSnippetsAttachedToTheRoot() {
        for (EventHandler handler : new ArrayList<>(Dispatchers.root().eventHandlers())) {
            if (!this.rootEventHandlers.contains(handler)) {
                Dispatchers.root().removeEventHandler(handler);
            }
        }
        for (SpanHandler<?> handler : new ArrayList<>(Dispatchers.root().spanHandlers())) {
            if (!this.rootSpanHandlers.contains(handler)) {
                Dispatchers.root().removeSpanHandler(handler);
            }
        }
    }

    @Test
    void aDispatcherNamedAfterItsClassPropagatesToTheRoot() {
        MyRetriever.listenToEverything(this.recorder);
        Dispatcher dispatcher = new MyRetriever().dispatcher();
        assertThat(dispatcher.name()).isEqualTo(MyRetriever.class.getName());
        MyEvent.emit(dispatcher);
        assertThat(this.recorder.events(MyEvent.class))
                .extracting(MyEvent::newField)
                .containsExactly("value", "computed");
    }

    @Test
    void spansOfACallableAndOfAScope() {
        List<String> result = new RetrieveAndRerank(this.registry.get("com.example.rag")).run("q");
        assertThat(result).containsExactly("q (b)", "q (a)");
        assertThat(this.recorder.spans())
                .extracting(Recorder.Recorded::name)
                .containsExactly("Retriever.retrieve", "rerank");
        assertThat(this.recorder.span("rerank").result()).isEqualTo(result);
    }

    @Test
    void spansEnteredInATagsBlockCarryTheTags() {
        TaggedWork.run("u-7", () -> this.registry.root().span("work", () -> "done"));
        assertThat(this.recorder.span("work").invocation().tags()).containsEntry("user", "u-7");
    }

    @Test
    void spansOfAConversationTurnCarryItsIdsAlsoWhenWrappedForLater() throws Exception {
        String answer =
                ConversationTurn.answer("c-1", "u-7", () -> this.registry.root().span("turn", () -> "done"));
        Callable<String> later =
                ConversationTurn.later("c-2", () -> this.registry.root().span("later", () -> "done"));
        assertThat(answer).isEqualTo("done");
        assertThat(this.recorder.span("turn").invocation().conversation()).isEqualTo(new Conversation("c-1", "u-7"));
        assertThat(Executors.newSingleThreadExecutor().submit(later).get()).isEqualTo("done");
        assertThat(this.recorder.span("later").invocation().conversation()).isEqualTo(Conversation.of("c-2"));
    }

    @Test
    void anEvaluationInsideASpanIsStampedWithIt() {
        assertThat(JudgeAnswer.answer(this.registry.root(), "Capital of France?"))
                .isEqualTo("Paris");
        EvaluationEvent evaluation = this.recorder.events(EvaluationEvent.class).get(0);
        assertThat(evaluation.spanId())
                .isEqualTo(this.recorder.span("Rag.answer").id());
        assertThat(evaluation.score()).isEqualTo(0.9);
        assertThat(evaluation.label()).isEqualTo("relevant");
    }

    @Test
    void aCapturedContextRestoredElsewhereParentsTheSpansStartedThere() {
        DispatcherRegistry worker = new DispatcherRegistry();
        SimpleSpanHandler workerSpans = new SimpleSpanHandler();
        worker.root().addSpanHandler(workerSpans);
        String callerSpanId = this.registry.root().span("Caller.call", () -> {
            Map<String, Object> sent = RemoteWork.send(this.registry.root());
            RemoteWork.receive(
                    worker.root(), Map.copyOf(sent), (dispatcher) -> dispatcher.span("Worker.run", () -> "ok"));
            return TraceContext.currentSpanId();
        });
        assertThat(workerSpans.completedSpans()).singleElement().satisfies((span) -> assertThat(span.parentId())
                .isEqualTo(callerSpanId));
    }

    @Test
    void simpleSpanHandlerOnTheRootBuildsTraceTrees() {
        SimpleSpanHandler spans = TraceTrees.attach();
        Dispatchers.root().span("outer", () -> Dispatchers.root().span("inner", () -> "x"));
        assertThat(TraceTrees.print(spans))
                .singleElement()
                .satisfies((tree) -> assertThat(tree.root().span().name()).isEqualTo("outer"));
    }

    @Test
    void countsOnTheBusReachTheTokenCountingHandler() {
        TokenCountingHandler tokens = BusTokenCounts.attach();
        SimpleSpanHandler spans = TraceTrees.attach();
        Dispatcher llm = Dispatchers.get("com.example.llm");
        List<ChatMessage> messages = List.of(ChatMessage.user("hi"));
        llm.span("Model.chat", () -> {
            llm.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o-mini")));
            llm.event(new LLMChatEndEvent(
                    messages, ChatResponse.of(ChatMessage.assistant("hello"), UsageKeys.rawUsage(5, 2))));
            return null;
        });
        assertThat(tokens.totalLlmTokenCount()).isEqualTo(7);
        assertThat(tokens.llmTokenCounts()).singleElement().satisfies((count) -> assertThat(count.spanId())
                .isEqualTo(spans.traces().get(0).rootId()));
    }

    @Test
    void callbackQueryIsTracedCountedAndRecorded() {
        CallbackQuery query = new CallbackQuery();
        String answer = query.answer(
                "What is 6 x 7?",
                "Q: What is 6 x 7?",
                (prompt) -> CompletionResponse.of("42", UsageKeys.rawUsage(7, 1)));
        assertThat(answer).isEqualTo("42");
        assertThat(query.tokens.promptLlmTokenCount()).isEqualTo(7);
        assertThat(query.tokens.llmCallCount()).isOne();
        assertThat(query.debug.getEventPairs(CBEventType.LLM)).hasSize(1);
        assertThat(query.debug.getTraces()).singleElement().satisfies((trace) -> assertThat(trace.traceId())
                .isEqualTo("query"));
    }
}
