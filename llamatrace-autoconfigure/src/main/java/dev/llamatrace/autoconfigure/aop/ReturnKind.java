package dev.llamatrace.autoconfigure.aop;

import dev.llamatrace.core.SpanInvocation;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/** How the span of a method ends, by the method's declared return type. */
enum ReturnKind {

    /** A plain value: the span ends when the method returns or throws. */
    VALUE {
        @Override
        Object track(SpanInvocation span, Object result) {
            span.exit(result);
            return result;
        }
    },

    /** A future: the span ends when it completes; the caller gets a future that completes after the span ended. */
    COMPLETION_STAGE {
        @Override
        Object track(SpanInvocation span, Object result) {
            return SpanFutures.track(span, (CompletionStage<?>) result);
        }
    },

    /** A stream: the span ends when it is exhausted, fails, or is closed. */
    STREAM {
        @Override
        Object track(SpanInvocation span, Object result) {
            return SpanStreams.track(span, (Stream<?>) result);
        }
    },

    /** A Reactor {@code Mono}: the span ends on its terminal signal or cancellation. */
    MONO {
        @Override
        Object track(SpanInvocation span, Object result) {
            return ReactorSpans.mono(span, result);
        }
    },

    /** A Reactor {@code Flux}: the span ends on its terminal signal or cancellation. */
    FLUX {
        @Override
        Object track(SpanInvocation span, Object result) {
            return ReactorSpans.flux(span, result);
        }
    };

    private static final @Nullable Class<?> MONO_TYPE = reactorType("reactor.core.publisher.Mono");

    private static final @Nullable Class<?> FLUX_TYPE = reactorType("reactor.core.publisher.Flux");

    /**
     * Ties the span to the method's non-null result.
     *
     * @return what the caller receives
     */
    abstract Object track(SpanInvocation span, Object result);

    static ReturnKind of(Method method) {
        Class<?> type = method.getReturnType();
        if (type == CompletableFuture.class || type == CompletionStage.class) {
            return COMPLETION_STAGE;
        }
        if (type == Stream.class) {
            return STREAM;
        }
        if (MONO_TYPE != null && MONO_TYPE.isAssignableFrom(type)) {
            return MONO;
        }
        if (FLUX_TYPE != null && FLUX_TYPE.isAssignableFrom(type)) {
            return FLUX;
        }
        return VALUE;
    }

    private static @Nullable Class<?> reactorType(String name) {
        ClassLoader loader = ReturnKind.class.getClassLoader();
        return ClassUtils.isPresent(name, loader) ? ClassUtils.resolveClassName(name, loader) : null;
    }

    /** Futures: the caller's future completes only after the span ended, and cancelling it cancels the source. */
    static final class SpanFutures {

        private SpanFutures() {}

        static CompletableFuture<Object> track(SpanInvocation span, CompletionStage<?> source) {
            CompletableFuture<?> sourceFuture = source.toCompletableFuture();
            CompletableFuture<Object> future = new CompletableFuture<>() {
                @Override
                public boolean cancel(boolean mayInterruptIfRunning) {
                    sourceFuture.cancel(mayInterruptIfRunning);
                    return super.cancel(mayInterruptIfRunning) || isCancelled();
                }
            };
            source.whenComplete((value, error) -> {
                try {
                    if (error == null) {
                        span.exit(value);
                    } else {
                        span.drop(unwrap(error));
                    }
                } finally {
                    if (error == null) {
                        future.complete(value);
                    } else {
                        future.completeExceptionally(error);
                    }
                }
            });
            return future;
        }

        private static Throwable unwrap(Throwable error) {
            return (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
        }
    }
}
