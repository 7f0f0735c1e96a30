package dev.llamatrace.core;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.deferred.CloseableIterator;
import dev.llamatrace.core.deferred.LazyResults;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Spans that outlive the call that opened them: the body runs with the span active, and the span ends when the future,
 * stream or iterator it returned completes rather than when the body returns.
 */
final class DeferredSpans {

    private DeferredSpans() {}

    static <T, E extends Throwable> CompletableFuture<T> future(
            Dispatcher dispatcher,
            String name,
            @Nullable Object instance,
            Map<String, ?> arguments,
            SpanCallable<? extends CompletableFuture<T>, E> body)
            throws E {
        return DeferredSpans.<CompletableFuture<T>, E>deferred(
                dispatcher, name, instance, arguments, body, LazyResults::future);
    }

    static <T, E extends Throwable> Stream<T> stream(
            Dispatcher dispatcher,
            String name,
            @Nullable Object instance,
            Map<String, ?> arguments,
            SpanCallable<? extends Stream<T>, E> body)
            throws E {
        return DeferredSpans.<Stream<T>, E>deferred(dispatcher, name, instance, arguments, body, LazyResults::stream);
    }

    static <T, E extends Throwable> CloseableIterator<T> iterator(
            Dispatcher dispatcher,
            String name,
            @Nullable Object instance,
            Map<String, ?> arguments,
            SpanCallable<? extends Iterator<T>, E> body)
            throws E {
        SpanInvocation span = dispatcher.operation(name, instance, arguments).span();
        Iterator<T> source = (span != null) ? callActive(span, body) : body.call();
        if (source == null) {
            return (span != null) ? exitWithNull(span) : nullResult();
        }
        return (span != null) ? LazyResults.iterator(span, source) : LazyResults.untracked(source);
    }

    /**
     * Runs {@code body} with a new span active and hands what it returned to {@code track}, which ends the span when
     * that completes. Without a span handler the body's result is returned as is.
     */
    private static <R, E extends Throwable> R deferred(
            Dispatcher dispatcher,
            String name,
            @Nullable Object instance,
            Map<String, ?> arguments,
            SpanCallable<? extends R, E> body,
            BiFunction<SpanInvocation, R, R> track)
            throws E {
        SpanInvocation span = dispatcher.operation(name, instance, arguments).span();
        if (span == null) {
            return body.call();
        }
        R source = callActive(span, body);
        return (source != null) ? track.apply(span, source) : exitWithNull(span);
    }

    private static <R, E extends Throwable> R callActive(SpanInvocation span, SpanCallable<? extends R, E> body)
            throws E {
        try (TraceContext.Scope scope = TraceContext.activate(span)) {
            return body.call();
        } catch (Throwable ex) {
            span.drop(ex);
            throw ex;
        }
    }

    @SuppressWarnings("NullAway") // a body that returns null gets null back, as without a span
    private static <R> R exitWithNull(SpanInvocation span) {
        span.exit(null);
        return nullResult();
    }

    @SuppressWarnings({"NullAway", "NullableProblems"})
    private static <R> R nullResult() {
        return null;
    }
}
