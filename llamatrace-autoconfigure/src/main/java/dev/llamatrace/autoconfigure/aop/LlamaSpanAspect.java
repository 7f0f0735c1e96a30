package dev.llamatrace.autoconfigure.aop;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.TraceContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * The aspect behind {@link LlamaSpan}: enters a span on the dispatcher named after the bean's class (or the one the
 * annotation names) around each annotated call.
 *
 * <p>It is applied by {@link LlamaSpanAdvisor} (a Spring AOP advisor, not an AspectJ aspect: AspectJ need not be on the
 * class path, and no AspectJ pointcut is matched against every bean at startup). It needs nothing but a {@link DispatcherRegistry}, so it also works outside an
 * application context, e.g. through a {@code ProxyFactory} with {@code new LlamaSpanAdvisor(aspect)} in a benchmark. When no span handler listens on the dispatcher's chain, the call runs
 * with no span and no allocation beyond the annotation's tags block. The application's result, and its exception
 * (the same instance), reach the caller unchanged.
 */
public final class LlamaSpanAspect {

    private final DispatcherRegistry registry;

    private final boolean captureArguments;

    private final ConcurrentMap<Class<?>, ConcurrentMap<Method, SpanSpec>> specs = new ConcurrentHashMap<>();

    /**
     * Creates the aspect.
     *
     * @param registry the registry whose dispatchers spans are entered on
     * @param captureArguments whether call arguments are captured into spans
     */
    public LlamaSpanAspect(DispatcherRegistry registry, boolean captureArguments) {
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
        this.captureArguments = captureArguments;
    }

    /**
     * Runs an annotated method inside a span.
     *
     * @param invocation the call
     * @return what the method returned, or a future/stream/publisher that behaves like it and ends the span
     * @throws Throwable what the method threw, the same instance
     */
    public @Nullable Object around(MethodInvocation invocation) throws Throwable {
        Object target = invocation.getThis();
        Method method = invocation.getMethod();
        SpanSpec spec = spec((target != null) ? target.getClass() : method.getDeclaringClass(), method);
        if (spec == SpanSpec.NONE) {
            return invocation.proceed();
        }
        Dispatcher dispatcher = spec.dispatcher();
        boolean spans = dispatcher.hasSpanHandlers();
        if (!spans && ((spec.tags().isEmpty() && !spec.hasConversation()) || !dispatcher.hasEventHandlers())) {
            return invocation.proceed();
        }
        try (TraceContext.Scope tags = spec.openTags();
                TraceContext.Scope conversation = spec.hasConversation()
                        ? spec.openConversation(invocation.getArguments())
                        : TraceContext.Scope.NOOP) {
            if (!spans) {
                return invocation.proceed();
            }
            Map<String, ?> arguments = this.captureArguments ? spec.arguments(invocation.getArguments()) : Map.of();
            return spec.returnKind().invoke(dispatcher, spec.name(), target, arguments, invocation);
        }
    }

    private SpanSpec spec(Class<?> targetClass, Method method) {
        ConcurrentMap<Method, SpanSpec> byMethod =
                this.specs.computeIfAbsent(targetClass, (key) -> new ConcurrentHashMap<>());
        SpanSpec spec = byMethod.get(method);
        if (spec == null) {
            spec = byMethod.computeIfAbsent(method, (key) -> SpanSpec.resolve(this.registry, targetClass, key));
        }
        return spec;
    }
}
