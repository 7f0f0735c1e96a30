package dev.llamatrace.autoconfigure.aop;

import dev.llamatrace.autoconfigure.context.LlamaTraceThreadLocalAccessor;
import dev.llamatrace.core.Operation;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanInvocation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Reactor publishers whose span ends on their terminal signal; cancellation ends it normally, as closing a stream
 * early does. Only loaded when Reactor is on the class path.
 *
 * <p>The span is also written into the Reactor context under {@link LlamaTraceThreadLocalAccessor#KEY}, so with
 * automatic context propagation ({@code Hooks.enableAutomaticContextPropagation()}) the operators of the returned
 * pipeline run with it as the active span, whatever thread they run on.
 */
final class ReactorSpans {

    private ReactorSpans() {}

    static Object mono(Operation operation, Object result) {
        return ((Mono<?>) result)
                .doOnSuccess(operation::end)
                .doOnError(operation::fail)
                .doOnCancel(() -> operation.end(null))
                .contextWrite(context(operation.span()));
    }

    static Object flux(Operation operation, Object result) {
        return ((Flux<?>) result)
                .doOnComplete(() -> operation.end(null))
                .doOnError(operation::fail)
                .doOnCancel(() -> operation.end(null))
                .contextWrite(context(operation.span()));
    }

    private static Context context(@Nullable SpanInvocation span) {
        return Context.of(
                LlamaTraceThreadLocalAccessor.KEY, new TraceContext.Snapshot(span, TraceContext.currentTags()));
    }
}
