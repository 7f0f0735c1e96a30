package dev.llamatrace.core.context;

import dev.llamatrace.core.span.SpanInvocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The per-thread trace context: the active span and the active tags.
 *
 * <p>A span entered through a {@code Dispatcher} becomes the parent of every span entered and every event created on
 * the same thread until it ends. Work handed to another thread does <em>not</em> see it: a task submitted to a plain
 * pool starts a new root. To keep the parent, capture the context where the work is created and restore it where it
 * runs: {@link #capture()} and {@link Snapshot#restore()}, or the wrap helpers ({@link #wrap(Runnable)},
 * {@link #wrap(Executor)}, {@link #wrap(ExecutorService)}, ...) which do both. The same holds for virtual threads and
 * {@code CompletableFuture} stages that run on a pool.
 */
public final class TraceContext {

    private static final ThreadLocal<Holder> HOLDER = ThreadLocal.withInitial(Holder::new);

    private TraceContext() {}

    /**
     * Returns the span active on this thread.
     *
     * @return the active span, or {@code null} outside any span
     */
    public static @Nullable SpanInvocation currentSpan() {
        return HOLDER.get().span;
    }

    /**
     * Returns the id of the span active on this thread.
     *
     * @return the active span id, or {@code null} outside any span
     */
    public static @Nullable String currentSpanId() {
        SpanInvocation span = HOLDER.get().span;
        return (span != null) ? span.id() : null;
    }

    /**
     * Returns the tags active on this thread.
     *
     * @return an unmodifiable map, empty outside any tags block
     */
    public static Map<String, Object> currentTags() {
        return HOLDER.get().tags;
    }

    /**
     * Replaces the active tags for the extent of the returned scope (LlamaIndex's {@code instrument_tags}).
     *
     * <p>Tags are not merged with the enclosing block's: the block's tags are exactly {@code tags}. Spans snapshot the
     * tags when they are entered; events get them merged in when they are dispatched.
     *
     * @param tags the tags for the block
     * @return a scope whose {@code close()} restores the previous tags
     */
    public static Scope withTags(Map<String, ?> tags) {
        Holder holder = HOLDER.get();
        Map<String, Object> previous = holder.tags;
        holder.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        return new RestoringScope(holder, false, null, previous);
    }

    /**
     * Captures the active span and tags, to restore them on another thread.
     *
     * @return an immutable snapshot
     */
    public static Snapshot capture() {
        Holder holder = HOLDER.get();
        return new Snapshot(holder.span, holder.tags);
    }

    /**
     * Makes {@code snapshot} the context of this thread without a scope; for integrations such as context-propagation
     * accessors that manage restoring themselves. Prefer {@link Snapshot#restore()}.
     *
     * @param snapshot the context to install
     */
    public static void set(Snapshot snapshot) {
        Holder holder = HOLDER.get();
        holder.span = snapshot.span();
        holder.tags = snapshot.tags();
    }

    /** Clears the context of this thread: no active span, no tags. */
    public static void clear() {
        Holder holder = HOLDER.get();
        holder.span = null;
        holder.tags = Map.of();
    }

    /**
     * Makes {@code span} the active span of this thread for the extent of the returned scope.
     *
     * @param span the span to activate
     * @return a scope whose {@code close()} restores the previously active span
     */
    public static Scope activate(@Nullable SpanInvocation span) {
        Holder holder = HOLDER.get();
        SpanInvocation previous = holder.span;
        holder.span = span;
        return new RestoringScope(holder, true, previous, null);
    }

    /**
     * Wraps a task so it runs with the context current now.
     *
     * @param task the task
     * @return a task that restores this context around {@code task}
     */
    public static Runnable wrap(Runnable task) {
        return capture().wrap(task);
    }

    /**
     * Wraps a task so it runs with the context current now.
     *
     * @param task the task
     * @param <T> the result type
     * @return a task that restores this context around {@code task}
     */
    public static <T> Callable<T> wrap(Callable<T> task) {
        return capture().wrap(task);
    }

    /**
     * Wraps a supplier (for {@code CompletableFuture.supplyAsync}) so it runs with the context current now.
     *
     * @param supplier the supplier
     * @param <T> the result type
     * @return a supplier that restores this context around {@code supplier}
     */
    public static <T> Supplier<T> wrapSupplier(Supplier<T> supplier) {
        return capture().wrapSupplier(supplier);
    }

    /**
     * Wraps a function (for {@code CompletableFuture.thenApplyAsync} and friends) so it runs with the context current
     * now. Prefer it to a wrapped executor for stages that start when an earlier stage completes: those are submitted
     * from the completing thread, whose context is not the one the chain was built in.
     *
     * @param function the function
     * @param <T> the argument type
     * @param <R> the result type
     * @return a function that restores this context around {@code function}
     */
    public static <T, R> Function<T, R> wrapFunction(Function<T, R> function) {
        return capture().wrapFunction(function);
    }

    /**
     * Wraps an executor so every task runs with the context current when it was submitted.
     *
     * @param executor the executor
     * @return a propagating executor
     */
    public static Executor wrap(Executor executor) {
        return (task) -> executor.execute(wrap(task));
    }

    /**
     * Wraps an executor service so every task runs with the context current when it was submitted.
     *
     * @param executor the executor service
     * @return a propagating executor service
     */
    public static ExecutorService wrap(ExecutorService executor) {
        return new ContextExecutorService(executor);
    }

    /** A block whose end restores what was active before it. {@code close()} throws nothing and forgives repeats. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {

        /** A scope that restores nothing. */
        Scope NOOP = () -> {};

        @Override
        void close();
    }

    /**
     * An immutable capture of a thread's trace context.
     *
     * @param span the active span, or {@code null}
     * @param tags the active tags
     */
    public record Snapshot(@Nullable SpanInvocation span, Map<String, Object> tags) {

        /** An empty context: no span, no tags. */
        public static final Snapshot EMPTY = new Snapshot(null, Map.of());

        /**
         * Makes this snapshot the context of the current thread until the scope closes.
         *
         * @return a scope restoring the thread's previous context
         */
        public Scope restore() {
            Holder holder = HOLDER.get();
            Scope scope = new RestoringScope(holder, true, holder.span, holder.tags);
            holder.span = this.span;
            holder.tags = this.tags;
            return scope;
        }

        /**
         * Wraps a task to run with this context.
         *
         * @param task the task
         * @return the wrapped task
         */
        public Runnable wrap(Runnable task) {
            return () -> {
                try (Scope scope = restore()) {
                    task.run();
                }
            };
        }

        /**
         * Wraps a task to run with this context.
         *
         * @param task the task
         * @param <T> the result type
         * @return the wrapped task
         */
        public <T> Callable<T> wrap(Callable<T> task) {
            return () -> {
                try (Scope scope = restore()) {
                    return task.call();
                }
            };
        }

        /**
         * Wraps a supplier to run with this context.
         *
         * @param supplier the supplier
         * @param <T> the result type
         * @return the wrapped supplier
         */
        public <T> Supplier<T> wrapSupplier(Supplier<T> supplier) {
            return () -> {
                try (Scope scope = restore()) {
                    return supplier.get();
                }
            };
        }

        /**
         * Wraps a function to run with this context.
         *
         * @param function the function
         * @param <T> the argument type
         * @param <R> the result type
         * @return the wrapped function
         */
        public <T, R> Function<T, R> wrapFunction(Function<T, R> function) {
            return (argument) -> {
                try (Scope scope = restore()) {
                    return function.apply(argument);
                }
            };
        }
    }

    private static final class Holder {

        @Nullable
        SpanInvocation span;

        Map<String, Object> tags = Map.of();
    }

    /**
     * Puts back, once, what a scope replaced: the span, the tags or both. Restoring only what was replaced matters:
     * closing a tags block must not undo a span activated inside it without a scope, and the reverse.
     */
    private static final class RestoringScope implements Scope {

        private final Holder holder;

        private final boolean restoresSpan;

        private final @Nullable SpanInvocation previousSpan;

        /** The tags to put back, or {@code null} when the scope did not replace them. */
        private final @Nullable Map<String, Object> previousTags;

        private boolean closed;

        RestoringScope(
                Holder holder,
                boolean restoresSpan,
                @Nullable SpanInvocation previousSpan,
                @Nullable Map<String, Object> previousTags) {
            this.holder = holder;
            this.restoresSpan = restoresSpan;
            this.previousSpan = previousSpan;
            this.previousTags = previousTags;
        }

        @Override
        public void close() {
            if (this.closed) {
                return;
            }
            this.closed = true;
            if (this.restoresSpan) {
                this.holder.span = this.previousSpan;
            }
            if (this.previousTags != null) {
                this.holder.tags = this.previousTags;
            }
        }
    }

    /**
     * Makes {@code span} the active span of this thread without a scope and returns the one it replaces; the
     * allocation-free path of {@code Dispatcher.span}, which puts the previous span back itself. Prefer
     * {@link #activate(SpanInvocation)}.
     *
     * @param span the span to activate, or {@code null} for none
     * @return the span that was active
     */
    public static @Nullable SpanInvocation replaceSpan(@Nullable SpanInvocation span) {
        Holder holder = HOLDER.get();
        SpanInvocation previous = holder.span;
        holder.span = span;
        return previous;
    }
}
