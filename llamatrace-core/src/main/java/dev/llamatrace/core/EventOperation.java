package dev.llamatrace.core;

import dev.llamatrace.core.span.SpanInvocation;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** An operation seen only by event handlers (no span handler listens): its end dispatches the end events once. */
final class EventOperation implements Operation {

    private final Dispatcher dispatcher;

    private final @Nullable String spanId;

    private final AtomicBoolean ended = new AtomicBoolean();

    EventOperation(Dispatcher dispatcher, @Nullable String spanId) {
        this.dispatcher = dispatcher;
        this.spanId = spanId;
    }

    @Override
    public @Nullable SpanInvocation span() {
        return null;
    }

    @Override
    public @Nullable String spanId() {
        return this.spanId;
    }

    @Override
    public void end(@Nullable Events endEvents, @Nullable Object result) {
        if (endEvents != null && this.ended.compareAndSet(false, true)) {
            endEvents.dispatch(this.spanId);
        }
    }

    @Override
    public void fail(Throwable error, @Nullable Events endEvents) {
        if (endEvents != null && this.ended.compareAndSet(false, true)) {
            endEvents.dispatch(this.spanId);
        }
    }

    @Override
    public String toString() {
        return "EventOperation[" + this.dispatcher.name() + ", spanId=" + this.spanId + "]";
    }
}
