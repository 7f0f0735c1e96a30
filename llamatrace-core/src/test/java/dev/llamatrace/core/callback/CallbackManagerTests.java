package dev.llamatrace.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.HandlerVetoException;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatInProgressEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallbackManagerTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.root();

    private final CallbackManager manager = new CallbackManager(this.dispatcher);

    private final RecordingSpanHandler spans = new RecordingSpanHandler();

    private final RecordingCallbackHandler handler = new RecordingCallbackHandler();

    private final List<Event> events = new CopyOnWriteArrayList<>();

    CallbackManagerTests() {
        this.dispatcher.addSpanHandler(this.spans);
        this.dispatcher.addEventHandler(this.events::add);
        this.manager.addHandler(this.handler);
    }

    @AfterEach
    void contextIsClean() {
        assertThat(TraceContext.currentSpan()).isNull();
        assertThat(this.spans.open).isEmpty();
    }

    @Test
    void pastTheOpenEventCapTheOldestOpenEventsAreEvictedAndTheirSpansDroppedAsAbandoned() {
        CallbackManager capped = new CallbackManager(this.dispatcher, 10, 2);
        String first = capped.onEventStart(CBEventType.LLM, Map.of("formatted_prompt", "never ends"));
        String second = capped.onEventStart(CBEventType.LLM, Map.of("formatted_prompt", "p"));
        String third = capped.onEventStart(CBEventType.LLM, Map.of("formatted_prompt", "p"));
        assertThat(capped.evictedEvents()).isEqualTo(1);
        assertThat(this.spans.log)
                .last()
                .asString()
                .startsWith("drop llm Span llm-")
                .contains("abandoned");
        capped.onEventEnd(CBEventType.LLM, Map.of("completion", "c"), second);
        capped.onEventEnd(CBEventType.LLM, Map.of("completion", "c"), third);
        capped.onEventEnd(CBEventType.LLM, Map.of("completion", "late"), first);
        assertThat(this.spans.log)
                .containsExactly(
                        "enter llm parent=null",
                        "enter llm parent=null",
                        "enter llm parent=null",
                        this.spans.log.get(3),
                        "exit llm",
                        "exit llm");
    }

    @Test
    void eventsBecomeNestedSpansAndCallbackEventsOnTheDispatcher() {
        try (TraceScope trace = this.manager.asTrace("query")) {
            try (EventContext query = this.manager.event(CBEventType.QUERY, Map.of("query_str", "q"))) {
                String llm = this.manager.onEventStart(CBEventType.LLM, Map.of("formatted_prompt", "p"));
                this.manager.onEventEnd(CBEventType.LLM, Map.of("completion", "c"), llm);
                query.onEnd(Map.of("response", "r"));
            }
        }
        assertThat(this.spans.log)
                .containsExactly(
                        "enter query parent=null",
                        "enter query parent=query",
                        "enter llm parent=query",
                        "exit llm",
                        "exit query",
                        "exit query");
        assertThat(this.events).filteredOn(CallbackEvent.class::isInstance).hasSize(4);
        CallbackEvent start = (CallbackEvent) this.events.stream()
                .filter(CallbackEvent.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(start.phase()).isEqualTo(EventPhase.START);
        assertThat(start.payload()).containsEntry(EventPayload.QUERY_STR.value(), "q");
        assertThat(start.parentId()).isEqualTo(EventPayload.BASE_TRACE_EVENT);
        assertThat(start.traceId()).isEqualTo("query");
        assertThat(start.spanId()).startsWith("query-");
    }

    @Test
    void traceMapOfTheOutermostTraceIsDeliveredAndNestedTracesAreSilent() {
        String[] ids = new String[3];
        try (TraceScope outer = this.manager.asTrace("query")) {
            try (TraceScope inner = this.manager.asTrace("inner")) {
                try (EventContext query = this.manager.event(CBEventType.QUERY, Map.of())) {
                    ids[0] = query.eventId();
                    try (EventContext retrieve = this.manager.event(CBEventType.RETRIEVE, Map.of())) {
                        ids[1] = retrieve.eventId();
                    }
                    ids[2] = this.manager.onEventStart(CBEventType.LLM, Map.of());
                    this.manager.onEventEnd(CBEventType.LLM, Map.of(), ids[2]);
                }
                assertThat(this.manager.traceMap()).containsKey(EventPayload.BASE_TRACE_EVENT);
            }
        }
        assertThat(this.handler.log)
                .filteredOn((line) -> line.contains("Trace"))
                .containsExactly("startTrace query", "endTrace query");
        assertThat(this.handler.traceMaps.get("query"))
                .containsExactly(
                        Map.entry(EventPayload.BASE_TRACE_EVENT, List.of(ids[0])),
                        Map.entry(ids[0], List.of(ids[1], ids[2])));
        assertThat(this.manager.traceMap()).isEmpty();
    }

    @Test
    void newEventIdsAreDistinctUuids() {
        String first = this.manager.onEventStart(CBEventType.CHUNKING, Map.of());
        this.manager.onEventEnd(CBEventType.CHUNKING, Map.of(), first);
        String second = this.manager.onEventStart(CBEventType.CHUNKING, Map.of());
        this.manager.onEventEnd(CBEventType.CHUNKING, Map.of(), second);
        assertThat(List.of(first, second))
                .allSatisfy((id) -> assertThat(UUID.fromString(id)).hasToString(id))
                .doesNotHaveDuplicates();
    }

    @Test
    void eventsOutsideATraceHaveRootParentAndNoTraceMap() {
        String id = this.manager.onEventStart(CBEventType.CHUNKING, Map.of());
        this.manager.onEventEnd(CBEventType.CHUNKING, Map.of(), id);
        assertThat(this.handler.log).containsExactly("start chunking " + id + " parent=root", "end chunking " + id);
        assertThat(this.manager.traceMap()).isEmpty();
    }

    @Test
    void inEventEndsWithTheExceptionPayloadOnceAndRethrowsTheSameInstance() {
        IllegalStateException failure = new IllegalStateException("boom");
        assertThatThrownBy(() -> this.manager.trace(
                        "query",
                        () -> this.manager.inEvent(
                                CBEventType.QUERY,
                                Map.of(),
                                (outer) -> this.manager.inEvent(CBEventType.RETRIEVE, Map.of(), (inner) -> {
                                    throw failure;
                                }))))
                .isSameAs(failure);
        // The inner event reports the exception; the outer one ends without payload; the trace reports nothing more.
        List<String> ends = this.handler.log.stream()
                .filter((line) -> line.startsWith("end "))
                .toList();
        assertThat(ends).hasSize(2);
        assertThat(this.handler.payloads.get(2)).containsEntry("exception", failure);
        assertThat(this.handler.payloads.get(3)).isEmpty();
        assertThat(this.handler.log).noneMatch((line) -> line.startsWith("start exception"));
        assertThat(this.spans.log).contains("drop retrieve boom", "exit query");
    }

    @Test
    void traceReportsAnUnreportedExceptionAsAnExceptionEventWithoutLeavingSpansOpen() {
        IllegalArgumentException failure = new IllegalArgumentException("bad");
        assertThatThrownBy(() -> this.manager.trace("query", () -> {
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(this.handler.log).anyMatch((line) -> line.startsWith("start exception"));
        assertThat(this.handler.log.get(this.handler.log.size() - 1)).isEqualTo("endTrace query");
        assertThat(this.spans.log).contains("drop exception bad", "exit query");
    }

    @Test
    void eventContextEndsOnceAndCloseAfterOnEndDoesNothing() {
        EventContext context = this.manager.event(CBEventType.SYNTHESIZE, Map.of());
        context.onEnd(Map.of("response", "r"));
        context.onEnd(Map.of("response", "again"));
        context.close();
        assertThat(this.handler.log)
                .filteredOn((line) -> line.startsWith("end"))
                .hasSize(1);
    }

    @Test
    void vetoAtStartPropagatesDropsTheSpanAndLeavesNoOpenEvent() {
        HandlerVetoException veto = new HandlerVetoException("no");
        this.manager.addHandler(new RecordingCallbackHandler() {
            @Override
            public void onEventStart(
                    CBEventType type, Map<String, Object> payload, String eventId, @Nullable String parentId) {
                if (type == CBEventType.QUERY) {
                    throw veto;
                }
            }
        });
        assertThatThrownBy(() -> this.manager.onEventStart(CBEventType.QUERY, Map.of()))
                .isSameAs(veto);
        assertThat(this.spans.log).containsExactly("enter query parent=null", "drop query no");
        String next = this.manager.onEventStart(CBEventType.RETRIEVE, Map.of());
        assertThat(this.handler.log.get(this.handler.log.size() - 1)).endsWith("parent=root");
        this.manager.onEventEnd(CBEventType.RETRIEVE, Map.of(), next);
    }

    @Test
    void ordinaryHandlerFailuresAreIsolated() {
        this.manager.addHandler(new RecordingCallbackHandler() {
            @Override
            public void onEventEnd(CBEventType type, Map<String, Object> payload, String eventId) {
                throw new IllegalStateException("handler bug");
            }
        });
        String id = this.manager.onEventStart(CBEventType.LLM, Map.of());
        this.manager.onEventEnd(CBEventType.LLM, Map.of(), id);
        assertThat(this.handler.log).hasSize(2);
        assertThat(this.registry.failures().count()).isEqualTo(1);
    }

    @Test
    void ignoreListsAreAppliedPerHandler() {
        RecordingCallbackHandler ignoring = new RecordingCallbackHandler(Set.of(CBEventType.LLM));
        this.manager.addHandler(ignoring);
        String id = this.manager.onEventStart(CBEventType.LLM, Map.of());
        this.manager.onEventEnd(CBEventType.LLM, Map.of(), id);
        assertThat(ignoring.log).containsExactly("end llm " + id);
        assertThat(this.handler.log).hasSize(2);
        assertThat(this.manager.removeHandler(ignoring)).isTrue();
        assertThat(this.manager.handlers()).containsExactly(this.handler);
    }

    @Test
    void concurrentTracesOnOneManagerEachGetTheirOwnMap() throws Exception {
        int threads = 4;
        int rounds = 50;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Map<String, List<String>>> delivered = new CopyOnWriteArrayList<>();
        CallbackManager shared = new CallbackManager(this.dispatcher);
        shared.addHandler(new RecordingCallbackHandler() {
            @Override
            public void endTrace(String traceId, Map<String, List<String>> traceMap) {
                delivered.add(traceMap);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<List<String>>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    List<List<String>> expected = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        barrier.await(10, TimeUnit.SECONDS);
                        try (TraceScope trace = shared.asTrace("query")) {
                            try (EventContext query = shared.event(CBEventType.QUERY, Map.of())) {
                                barrier.await(10, TimeUnit.SECONDS);
                                String llm = shared.onEventStart(CBEventType.LLM, Map.of());
                                shared.onEventEnd(CBEventType.LLM, Map.of(), llm);
                                expected.add(List.of(query.eventId(), llm));
                            }
                        }
                    }
                    return expected;
                }));
            }
            List<List<String>> all = new ArrayList<>();
            for (Future<List<List<String>>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(delivered).hasSize(threads * rounds);
            List<List<String>> seen = delivered.stream()
                    .map((map) -> {
                        assertThat(map).hasSize(2);
                        String query = map.get(EventPayload.BASE_TRACE_EVENT).get(0);
                        assertThat(map.get(EventPayload.BASE_TRACE_EVENT)).hasSize(1);
                        return List.of(query, map.get(query).get(0));
                    })
                    .toList();
            assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEventOnAnotherThreadWithAnExplicitParentJoinsThatTrace() throws Exception {
        String[] ids = new String[2];
        try (TraceScope trace = this.manager.asTrace("query")) {
            try (EventContext query = this.manager.event(CBEventType.QUERY, Map.of())) {
                ids[0] = query.eventId();
                Thread worker = new Thread(() -> {
                    ids[1] = this.manager.onEventStart(CBEventType.RETRIEVE, Map.of(), null, ids[0]);
                    // The worker has no trace of its own: ending a trace there must not end this one.
                    this.manager.endTrace("query");
                    this.manager.onEventEnd(CBEventType.RETRIEVE, Map.of(), ids[1]);
                });
                worker.start();
                worker.join();
            }
        }
        assertThat(this.handler.traceMaps.get("query")).containsEntry(ids[0], List.of(ids[1]));
        assertThat(this.spans.log).contains("enter retrieve parent=query");
        assertThat(this.handler.log)
                .filteredOn((line) -> line.startsWith("endTrace"))
                .hasSize(1);
    }

    @Test
    void builtInEventsReachCallbackHandlersTranslated() {
        Dispatcher producer = this.registry.get("app.llm");
        producer.span("OpenAI.chat", () -> {
            producer.event(
                    new LLMChatStartEvent(List.of(ChatMessage.user("hi")), Map.of(), ModelInfo.of("openai", "gpt-4o")));
            producer.event(
                    new LLMChatInProgressEvent(List.of(), ChatResponse.of(ChatMessage.assistant("he"), Map.of())));
            producer.event(new LLMChatEndEvent(
                    List.of(ChatMessage.user("hi")), ChatResponse.of(ChatMessage.assistant("hello"), Map.of())));
            return null;
        });
        assertThat(this.handler.log).hasSize(2);
        String spanId = this.handler.log.get(0).split(" ")[2];
        assertThat(spanId).startsWith("OpenAI.chat-");
        assertThat(this.handler.log.get(1)).isEqualTo("end llm " + spanId);
        assertThat(this.handler.payloads.get(0))
                .containsKeys("messages", "additional_kwargs", "serialized")
                .containsEntry("model_name", "gpt-4o");
        assertThat(this.handler.payloads.get(1)).containsOnlyKeys("messages", "response");
    }

    @Test
    void anEventLeftOpenByOnePooledTaskIsNotTheParentOfTheNextTasksEvents() throws Exception {
        int tasks = 400;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExecutorService wrapped = TraceContext.wrap(pool);
        List<String> leftOpen = new CopyOnWriteArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < tasks; i++) {
                futures.add(wrapped.submit(() -> {
                    String llm = this.manager.onEventStart(CBEventType.LLM, Map.of());
                    this.manager.onEventEnd(CBEventType.LLM, Map.of(), llm);
                    leftOpen.add(this.manager.onEventStart(CBEventType.QUERY, Map.of()));
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(this.handler.log)
                .filteredOn((line) -> line.startsWith("start llm "))
                .hasSize(tasks)
                .allSatisfy((line) -> assertThat(line).endsWith(" parent=" + EventPayload.BASE_TRACE_EVENT));
        assertThat(this.spans.log)
                .filteredOn((line) -> line.startsWith("enter llm "))
                .hasSize(tasks)
                .allSatisfy((line) -> assertThat(line).isEqualTo("enter llm parent=null"));
        leftOpen.forEach((id) -> this.manager.onEventEnd(CBEventType.QUERY, Map.of(), id));
    }

    @Test
    void aTaskWrappedInsideAnOpenEventSeesItAsTheParentOnThePoolThread() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            String query = this.manager.onEventStart(CBEventType.QUERY, Map.of());
            Future<String> inner = TraceContext.wrap(pool).submit(() -> {
                String llm = this.manager.onEventStart(CBEventType.LLM, Map.of());
                this.manager.onEventEnd(CBEventType.LLM, Map.of(), llm);
                return llm;
            });
            String llm = inner.get(30, TimeUnit.SECONDS);
            this.manager.onEventEnd(CBEventType.QUERY, Map.of(), query);
            assertThat(this.handler.log).contains("start llm " + llm + " parent=" + query);
            assertThat(this.spans.log).contains("enter llm parent=query");
        } finally {
            pool.shutdownNow();
        }
    }
}
