package dev.llamatrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.llamatrace.core.context.Conversations;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link Conversations} and the conversation spans and events carry. */
class ConversationsTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.get("conversations");

    private final RecordingHandler recorder = new RecordingHandler();

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    ConversationsTests() {
        this.registry.root().addSpanHandler(this.recorder);
        this.registry.root().addEventHandler(this.recorder);
    }

    @AfterEach
    void clear() {
        this.pool.shutdownNow();
        TraceContext.clear();
    }

    @Test
    void spansAndEventsInsideAScopeCarryTheConversationAndNothingAfterIt() {
        Conversation conversation = Conversation.of("c-1").withUser("u-1");
        try (TraceContext.Scope scope = Conversations.open(conversation)) {
            this.dispatcher.span("turn", () -> {
                this.dispatcher.event(new Note());
                return null;
            });
        }
        this.dispatcher.span("after", () -> {
            this.dispatcher.event(new Note());
            return null;
        });
        assertThat(this.recorder.span("turn").conversation()).isEqualTo(conversation);
        assertThat(this.recorder.span("after").conversation()).isNull();
        assertThat(this.recorder.events).extracting(Event::conversation).containsExactly(conversation, null);
        assertThat(Conversations.current()).isNull();
    }

    @Test
    void nestedScopesCompleteEachOtherAndRestoreInOrder() {
        try (TraceContext.Scope user = Conversations.open(Conversation.ofUser("u-1"))) {
            try (TraceContext.Scope turn = Conversations.open(Conversation.of("c-1"))) {
                assertThat(Conversations.current()).isEqualTo(new Conversation("c-1", "u-1"));
                turn.close();
                turn.close();
                assertThat(Conversations.current()).isEqualTo(Conversation.ofUser("u-1"));
            }
            assertThat(Conversations.current()).isEqualTo(Conversation.ofUser("u-1"));
        }
        assertThat(Conversations.current()).isNull();
    }

    @Test
    void aSpanStartedWithoutAConversationTakesItsParentsAndCompletesAPartialOne() throws Exception {
        SpanInvocation parent = Conversations.call(
                Conversation.of("c-1").withUser("u-1"),
                () -> this.dispatcher.spanEnter("parent", null, null, Map.of()));
        // Another thread, with no context carried: the explicit parent still puts the child in the conversation.
        SpanInvocation child = this.pool
                .submit(() -> this.dispatcher.spanEnter("child", parent, null, Map.of()))
                .get();
        SpanInvocation switched = this.pool
                .submit(() -> Conversations.call(
                        Conversation.of("c-2"), () -> this.dispatcher.spanEnter("switched", parent, null, Map.of())))
                .get();
        assertThat(child.conversation()).isEqualTo(new Conversation("c-1", "u-1"));
        assertThat(switched.conversation()).isEqualTo(new Conversation("c-2", "u-1"));
        child.exit(null);
        switched.exit(null);
        parent.exit(null);
    }

    @Test
    void eventsStampedWithTheActiveSpanTakeItsConversation() {
        SpanInvocation span = enterIn(Conversation.of("c-1"));
        try (TraceContext.Scope active = TraceContext.activate(span)) {
            this.dispatcher.event(new Note(span.id()));
            this.dispatcher.event(new Note("another-span"));
        }
        span.exit(null);
        assertThat(this.recorder.events).extracting(Event::conversation).containsExactly(Conversation.of("c-1"), null);
    }

    @Test
    void theConversationTravelsThroughAWrappedExecutorAndACompletableFutureChain() throws Exception {
        Conversation conversation = Conversation.of("c-1").withUser("u-1");
        ExecutorService wrapped = TraceContext.wrap(this.pool);
        CompletableFuture<Conversation> chain;
        Conversation onPool;
        try (TraceContext.Scope scope = Conversations.open(conversation)) {
            onPool = wrapped.submit(Conversations::current).get();
            chain = CompletableFuture.supplyAsync(
                            TraceContext.wrapSupplier(() -> this.dispatcher.span("first", () -> "a")), this.pool)
                    .thenApplyAsync(TraceContext.wrapFunction((previous) -> Conversations.current()), this.pool);
        }
        assertThat(onPool).isEqualTo(conversation);
        assertThat(chain.get(30, TimeUnit.SECONDS)).isEqualTo(conversation);
        assertThat(this.recorder.span("first").conversation()).isEqualTo(conversation);
        assertThat(this.pool.submit(Conversations::current).get()).isNull();
    }

    @Test
    void wrapRunsTheTaskInTheConversationOnAnyThread() throws Exception {
        Conversation seen = this.pool
                .submit(Conversations.wrap(Conversation.of("c-1"), Conversations::current))
                .get();
        assertThat(seen).isEqualTo(Conversation.of("c-1"));
    }

    @Test
    void idsAreCheckedAndCut() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Conversation(null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> Conversation.of(" "));
        assertThat(Conversation.of("x".repeat(1000)).id()).hasSize(Conversation.MAX_LENGTH);
    }

    private SpanInvocation enterIn(Conversation conversation) {
        try (TraceContext.Scope scope = Conversations.open(conversation)) {
            return this.dispatcher.spanEnter("span", null, null, Map.of());
        }
    }

    static final class Note extends Event {

        Note() {}

        Note(String spanId) {
            super(spanId);
        }
    }
}
