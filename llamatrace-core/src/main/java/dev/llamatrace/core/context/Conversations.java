package dev.llamatrace.core.context;

import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * Sets the conversation (session) and user of a block of work. The conversation lives in the {@link TraceContext} of
 * the thread, so it travels wherever the context is carried (wrapped executors, {@code CompletableFuture} stages,
 * Reactor and {@code @Async} through context propagation in Spring), and every span entered and event created inside
 * carries it.
 *
 * <pre>{@code
 * try (TraceContext.Scope scope = Conversations.open(Conversation.of(conversationId).withUser(userId))) {
 *     return queryEngine.query(question);
 * }
 * }</pre>
 *
 * <p>Blocks nest: an inner block's id or user replaces the outer one's, and what it leaves out it inherits
 * ({@link Conversation#within}). A span started where no conversation is set inherits its parent span's, so work
 * continued on a thread that lost the context still belongs to the conversation its parent was in.
 */
public final class Conversations {

    /** Where the conversation lives in the trace context. */
    private static final TraceContext.Key<Conversation> KEY = new TraceContext.Key<>("conversation");

    private Conversations() {}

    /**
     * Returns the conversation set on this thread.
     *
     * @return the conversation, or {@code null} outside any conversation block
     */
    public static @Nullable Conversation current() {
        return TraceContext.get(KEY);
    }

    /**
     * Returns the conversation work started now belongs to: the one set on this thread, else the active span's.
     *
     * @return the conversation, or {@code null} when neither has one
     */
    public static @Nullable Conversation effective() {
        Conversation own = current();
        if (own != null) {
            return own;
        }
        SpanInvocation span = TraceContext.currentSpan();
        return (span != null) ? span.conversation() : null;
    }

    /**
     * Makes {@code conversation} (nested in the current one) the conversation of this thread until the scope closes.
     *
     * @param conversation the conversation of the block
     * @return a scope whose {@code close()} puts back the conversation of before
     */
    public static TraceContext.Scope open(Conversation conversation) {
        Conversation previous = current();
        TraceContext.put(KEY, conversation.within(previous));
        return new Restoring(previous);
    }

    /**
     * Runs a task in a conversation, on this thread.
     *
     * @param conversation the conversation
     * @param task the task
     * @param <T> the result type
     * @return what the task returned
     * @throws Exception what the task threw, unchanged
     */
    public static <T> T call(Conversation conversation, Callable<T> task) throws Exception {
        try (TraceContext.Scope scope = open(conversation)) {
            return task.call();
        }
    }

    /**
     * Wraps a task so that it runs in a conversation, wherever it runs.
     *
     * @param conversation the conversation
     * @param task the task
     * @param <T> the result type
     * @return a task opening the conversation around {@code task}
     */
    public static <T> Callable<T> wrap(Conversation conversation, Callable<T> task) {
        return () -> call(conversation, task);
    }

    /** Puts back, once, the conversation a block replaced; the rest of the context is left as it is. */
    private static final class Restoring implements TraceContext.Scope {

        private final @Nullable Conversation previous;

        private boolean closed;

        Restoring(@Nullable Conversation previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (!this.closed) {
                this.closed = true;
                TraceContext.put(KEY, this.previous);
            }
        }
    }
}
