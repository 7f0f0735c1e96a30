package dev.llamatrace.core;

import dev.llamatrace.core.context.Conversations;
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
            Dispatcher.exitEnded(this, result);
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
            Dispatcher.dropEnded(this, error);
        }
    }

    boolean markEnded() {
        return ENDED.compareAndSet(this, 0, 1);
    }
}
