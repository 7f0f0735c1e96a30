package dev.llamatrace.core;

import dev.llamatrace.core.context.Conversations;
import dev.llamatrace.core.event.SpanDropEvent;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A span entered on a {@link Dispatcher}, which it goes back to when it ends; the first end wins, from any thread. It is
 * its own {@link Operation}, so an operation with a span costs no allocation beyond the span.
 */
final class DispatchedSpan extends SpanInvocation implements Operation {

    private static final VarHandle ENDED;

    static {
        try {
            ENDED = MethodHandles.lookup().findVarHandle(DispatchedSpan.class, "ended", int.class);
        } catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    final Dispatcher dispatcher;

    @SuppressWarnings("unused") // accessed through ENDED
    private volatile int ended;

    DispatchedSpan(
            Dispatcher dispatcher,
            String name,
            @Nullable SpanInvocation parent,
            Map<String, Object> tags,
            @Nullable Object instance,
            Map<String, ?> arguments,
            long startNanos) {
        super(dispatcher.name(), name, parent, tags, Conversations.current(), instance, arguments, startNanos);
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean isEnded() {
        return this.ended != 0;
    }

    @Override
    public void exit(@Nullable Object result) {
        this.dispatcher.spanExit(this, result);
    }

    @Override
    public void drop(Throwable error) {
        this.dispatcher.spanDrop(this, error);
    }

    @Override
    public SpanInvocation span() {
        return this;
    }

    @Override
    public String spanId() {
        return id();
    }

    @Override
    public void end(Operation.@Nullable Events endEvents, @Nullable Object result) {
        if (!markEnded()) {
            return;
        }
        try {
            if (endEvents != null) {
                endEvents.dispatch(id());
            }
        } finally {
            exitEnded(result);
        }
    }

    @Override
    public void fail(Throwable error, Operation.@Nullable Events endEvents) {
        if (!markEnded()) {
            return;
        }
        try {
            if (endEvents != null) {
                endEvents.dispatch(id());
            }
        } finally {
            dropEnded(error);
        }
    }

    boolean markEnded() {
        return ENDED.compareAndSet(this, 0, 1);
    }

    /** Runs the exit of this span, which the caller marked ended, on the span handlers of its dispatcher's chain. */
    void exitEnded(@Nullable Object result) {
        long endNanos = System.nanoTime();
        HandlerFailures failures = this.dispatcher.registry().failures();
        Error fatal = null;
        for (SpanHandler<?> handler : this.dispatcher.spanChain()) {
            try {
                handler.spanExit(this, result, endNanos);
            } catch (Throwable ex) {
                fatal = isolateAfterTheFact(failures, handler, "spanExit", ex, fatal);
            }
        }
        if (fatal != null) {
            throw fatal;
        }
    }

    /**
     * Runs the drop of this span, which the caller marked ended: dispatches a {@link SpanDropEvent}, then has the span
     * handlers of its dispatcher's chain drop it.
     */
    void dropEnded(Throwable error) {
        Dispatcher owner = this.dispatcher;
        HandlerFailures failures = owner.registry().failures();
        Error fatal = null;
        if (owner.hasEventHandlers()) {
            try {
                owner.event(new SpanDropEvent(id(), error));
            } catch (HandlerVetoException veto) {
                isolateAfterTheFact(failures, veto, "handle(SpanDropEvent)", veto, null);
            } catch (Error counted) {
                // event() counted it and ran every event handler; the span handlers still have to drop the span.
                fatal = counted;
            }
        }
        SpanHandler<?>[] handlers = owner.spanChain();
        fatal = dropOn(handlers, handlers.length, this, error, failures, fatal);
        if (fatal != null) {
            throw fatal;
        }
    }

    /** Drops {@code span} on the first {@code count} handlers; returns the fatal error to rethrow, if any. */
    static @Nullable Error dropOn(
            SpanHandler<?>[] handlers,
            int count,
            SpanInvocation span,
            Throwable error,
            HandlerFailures failures,
            @Nullable Error fatal) {
        long endNanos = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try {
                handlers[i].spanDrop(span, error, endNanos);
            } catch (Throwable ex) {
                fatal = isolateAfterTheFact(failures, handlers[i], "spanDrop", ex, fatal);
            }
        }
        return fatal;
    }

    private static @Nullable Error isolateAfterTheFact(
            HandlerFailures failures, Object handler, String operation, Throwable ex, @Nullable Error fatal) {
        // A veto only means something when work is about to start; at its end it is an ordinary failure.
        Throwable failure =
                (ex instanceof HandlerVetoException veto) ? new IllegalStateException("veto after the fact", veto) : ex;
        return failures.isolate(handler, operation, failure, fatal);
    }
}
