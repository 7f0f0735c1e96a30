package dev.llamatrace.autoconfigure.aop;

import dev.llamatrace.autoconfigure.context.LlamaTraceThreadLocalAccessor;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanInvocation;
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

    static Object mono(SpanInvocation span, Object result) {
        return ((Mono<?>) result)
                .doOnSuccess(span::exit)
                .doOnError(span::drop)
                .doOnCancel(() -> span.exit(null))
                .contextWrite(context(span));
    }

    static Object flux(SpanInvocation span, Object result) {
        return ((Flux<?>) result)
                .doOnComplete(() -> span.exit(null))
                .doOnError(span::drop)
                .doOnCancel(() -> span.exit(null))
                .contextWrite(context(span));
    }

    private static Context context(SpanInvocation span) {
        return Context.of(
                LlamaTraceThreadLocalAccessor.KEY, new TraceContext.Snapshot(span, TraceContext.currentTags()));
    }
}
