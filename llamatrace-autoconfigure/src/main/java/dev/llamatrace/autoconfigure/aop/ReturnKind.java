package dev.llamatrace.autoconfigure.aop;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.Operation;
import dev.llamatrace.core.context.TraceContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/** How the span of a method ends, by the method's declared return type. */
enum ReturnKind {

    /** A plain value: the span ends when the method returns or throws. */
    VALUE {
        @Override
        @Nullable
        Object invoke(
                Dispatcher dispatcher, String name, Object target, Map<String, ?> arguments, MethodInvocation call)
                throws Throwable {
            return dispatcher.span(name, target, arguments, call::proceed);
        }
    },

    /**
     * A future: the span ends when it completes; the caller gets a future that completes after the span ended and
     * whose cancellation cancels the method's future.
     */
    COMPLETION_STAGE {
        @Override
        @Nullable
        Object invoke(
                Dispatcher dispatcher, String name, Object target, Map<String, ?> arguments, MethodInvocation call)
                throws Throwable {
            return dispatcher.spanAsync(name, target, arguments, () -> {
                Object result = call.proceed();
                return (result != null) ? ((CompletionStage<?>) result).toCompletableFuture() : null;
            });
        }
    },

    /** A stream: the span ends when it is exhausted, fails or is closed (or is dropped once it is abandoned). */
    STREAM {
        @Override
        @Nullable
        Object invoke(
                Dispatcher dispatcher, String name, Object target, Map<String, ?> arguments, MethodInvocation call)
                throws Throwable {
            return dispatcher.spanStream(name, target, arguments, () -> (Stream<?>) call.proceed());
        }
    },

    /** A Reactor {@code Mono}: the span ends on its terminal signal or cancellation. */
    MONO {
        @Override
        @Nullable
        Object invoke(
                Dispatcher dispatcher, String name, Object target, Map<String, ?> arguments, MethodInvocation call)
                throws Throwable {
            Operation operation = dispatcher.operation(name, target, arguments);
            Object result = proceedActive(operation, call);
            return (operation.span() != null && result != null)
                    ? ReactorSpans.mono(operation, result)
                    : endIfEmpty(operation, result);
        }
    },

    /** A Reactor {@code Flux}: the span ends on its terminal signal or cancellation. */
    FLUX {
        @Override
        @Nullable
        Object invoke(
                Dispatcher dispatcher, String name, Object target, Map<String, ?> arguments, MethodInvocation call)
                throws Throwable {
            Operation operation = dispatcher.operation(name, target, arguments);
            Object result = proceedActive(operation, call);
            return (operation.span() != null && result != null)
                    ? ReactorSpans.flux(operation, result)
                    : endIfEmpty(operation, result);
        }
    };

    /** Reactor's types, looked up by name because Reactor is optional. */
    static final String MONO_NAME = "reactor.core.publisher.Mono";

    static final String FLUX_NAME = "reactor.core.publisher.Flux";

    private static final @Nullable Class<?> MONO_TYPE = reactorType(MONO_NAME);

    private static final @Nullable Class<?> FLUX_TYPE = reactorType(FLUX_NAME);

    /**
     * Runs the call inside a span that ends as this kind of result ends.
     *
     * @return what the caller receives
     */
    abstract @Nullable Object invoke(
            Dispatcher dispatcher, String name, Object target, Map<String, ?> arguments, MethodInvocation call)
            throws Throwable;

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

    private static @Nullable Object proceedActive(Operation operation, MethodInvocation call) throws Throwable {
        if (operation == Operation.NOOP) {
            return call.proceed();
        }
        try (TraceContext.Scope active = operation.makeCurrent()) {
            return call.proceed();
        } catch (Throwable ex) {
            operation.fail(ex);
            throw ex;
        }
    }

    private static @Nullable Object endIfEmpty(Operation operation, @Nullable Object result) {
        operation.end(null);
        return result;
    }

    private static @Nullable Class<?> reactorType(String name) {
        ClassLoader loader = ReturnKind.class.getClassLoader();
        return ClassUtils.isPresent(name, loader) ? ClassUtils.resolveClassName(name, loader) : null;
    }
}
