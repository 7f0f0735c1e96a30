package dev.llamatrace.core;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanInvocation;
import org.jspecify.annotations.Nullable;

/** The scope of a span entered with {@link Dispatcher#enter(String)}. */
final class ActiveSpanScope implements SpanScope {

    private final SpanInvocation span;

    private final TraceContext.Scope restore;

    private @Nullable Object result;

    ActiveSpanScope(SpanInvocation span) {
        this.span = span;
        this.restore = TraceContext.activate(span);
    }

    @Override
    public SpanInvocation span() {
        return this.span;
    }

    @Override
    public void setResult(@Nullable Object result) {
        this.result = result;
    }

    @Override
    public void drop(Throwable error) {
        this.span.drop(error);
    }

    @Override
    public void close() {
        this.restore.close();
        this.span.exit(this.result);
    }
}
