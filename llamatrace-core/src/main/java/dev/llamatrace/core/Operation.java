package dev.llamatrace.core;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanInvocation;
import org.jspecify.annotations.Nullable;

/**
 * One traced operation between its start and its end: the span (when span handlers listen) and the id its events are
 * stamped with. Get one from {@link Dispatcher#operation}; it has already dispatched its start events. End it exactly
 * once, from any thread, with {@link #end} or {@link #fail}: the first end wins and later ones do nothing, so a
 * completion racing a cancellation or a timeout cannot end it twice.
 *
 * <p>When nobody listens, {@link Dispatcher#operation} returns the shared {@link #NOOP}, whose methods do nothing, so
 * instrumented code pays no allocation.
 */
public interface Operation {

    /** The operation returned when no handler listens: no span, no id, nothing to end. */
    Operation NOOP = new Operation() {
        @Override
        public @Nullable SpanInvocation span() {
            return null;
        }

        @Override
        public @Nullable String spanId() {
            return null;
        }

        @Override
        public void end(@Nullable Events endEvents, @Nullable Object result) {}

        @Override
        public void fail(Throwable error, @Nullable Events endEvents) {}

        @Override
        public String toString() {
            return "Operation.NOOP";
        }
    };

    /**
     * Returns the span of this operation.
     *
     * @return the span, or {@code null} when no span handler listens
     */
    @Nullable
    SpanInvocation span();

    /**
     * Returns the id the events of this operation are stamped with: its span's, else its parent's.
     *
     * @return the id, or {@code null} with neither a span nor a parent
     */
    @Nullable
    String spanId();

    /**
     * Ends the operation normally without end events.
     *
     * @param result the result of the work, or {@code null}
     */
    default void end(@Nullable Object result) {
        end(null, result);
    }

    /**
     * Ends the operation normally, unless it already ended: dispatches the end events, then exits the span (also when
     * dispatching them threw, in which case the exception follows).
     *
     * @param endEvents dispatches the end events, or {@code null} for none
     * @param result the result the span exits with, or {@code null}
     */
    void end(@Nullable Events endEvents, @Nullable Object result);

    /**
     * Ends the operation abnormally without end events: the span is dropped (which dispatches a
     * {@link dev.llamatrace.core.event.SpanDropEvent}).
     *
     * @param error why it failed
     */
    default void fail(Throwable error) {
        fail(error, null);
    }

    /**
     * Ends the operation abnormally, unless it already ended: dispatches the end events (typically an
     * {@link dev.llamatrace.core.event.ExceptionEvent}), then drops the span.
     *
     * @param error why it failed
     * @param endEvents dispatches the end events, or {@code null} for none
     */
    void fail(Throwable error, @Nullable Events endEvents);

    /**
     * Makes this operation's span the active span of this thread until the returned scope closes, so that work done
     * inside nests under it. Close the scope on the thread that opened it.
     *
     * @return the scope; {@link TraceContext.Scope#NOOP} without a span
     */
    default TraceContext.Scope makeCurrent() {
        SpanInvocation span = span();
        return (span != null) ? TraceContext.activate(span) : TraceContext.Scope.NOOP;
    }

    /** Dispatches the start or end events of an operation, stamped with its span id. */
    @FunctionalInterface
    interface Events {

        /**
         * Dispatches the events.
         *
         * @param spanId the id to stamp them with ({@link Operation#spanId()})
         */
        void dispatch(@Nullable String spanId);
    }
}
