package dev.llamatrace.autoconfigure.aop;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Applies {@link LlamaSpanAspect} to the methods {@link LlamaSpan} covers, as a plain Spring AOP advisor: any
 * auto-proxy creator applies it (Boot's infrastructure one when AspectJ is absent). Matching a bean looks at the
 * annotations its types and their methods declare; only a class that declares {@code @LlamaSpan} somewhere has its
 * methods matched one by one, where an AspectJ pointcut would load and run the AspectJ weaver's matcher over every
 * method of every bean at startup. Nothing of AspectJ is needed.
 *
 * <p>The aspect is resolved on the first advised call, so the advisor (which auto-proxy creators create before other
 * beans) does not create the dispatcher registry early. Outside an application context:
 * {@code ProxyFactory factory = new ProxyFactory(target); factory.addAdvisor(new LlamaSpanAdvisor(aspect));}.
 */
public final class LlamaSpanAdvisor extends AbstractPointcutAdvisor implements MethodInterceptor {

    private static final Pointcut POINTCUT = new LlamaSpanPointcut();

    /** Supplies the aspect on the first advised call. */
    private final transient Supplier<LlamaSpanAspect> aspects;

    /** The aspect once resolved. */
    private transient volatile @Nullable LlamaSpanAspect aspect;

    /**
     * Creates the advisor.
     *
     * @param aspect the aspect the advised calls run through
     */
    public LlamaSpanAdvisor(LlamaSpanAspect aspect) {
        this(() -> aspect);
        Objects.requireNonNull(aspect, "aspect must not be null");
    }

    /**
     * Creates the advisor with an aspect resolved on the first advised call.
     *
     * @param aspects supplies the aspect once
     */
    public LlamaSpanAdvisor(Supplier<LlamaSpanAspect> aspects) {
        this.aspects = Objects.requireNonNull(aspects, "aspects must not be null");
    }

    @Override
    public Pointcut getPointcut() {
        return POINTCUT;
    }

    @Override
    public Advice getAdvice() {
        return this;
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        return aspect().around(invocation);
    }

    private LlamaSpanAspect aspect() {
        LlamaSpanAspect aspect = this.aspect;
        if (aspect == null) {
            aspect = Objects.requireNonNull(this.aspects.get(), "aspect");
            this.aspect = aspect;
        }
        return aspect;
    }

    /**
     * The methods {@link LlamaSpan} covers, decided as the aspect decides them ({@link SpanSpec}). Auto-proxy creators
     * ask it about every bean at startup; its class filter answers from the annotations the bean's types and their
     * methods declare, so the per-method search through the type hierarchy runs only for the few classes that declare
     * {@code @LlamaSpan} somewhere.
     */
    static final class LlamaSpanPointcut extends StaticMethodMatcherPointcut {

        LlamaSpanPointcut() {
            setClassFilter(LlamaSpanPointcut::declaresSpans);
        }

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return SpanSpec.isAnnotated(targetClass, method);
        }

        /**
         * Returns whether {@code @LlamaSpan} is declared on {@code type}, a superclass or an interface, or on a method
         * of one of them: where {@link SpanSpec#isAnnotated} can find it. {@code @LlamaSpan} cannot be a
         * meta-annotation, so declared annotations are all there is to look at.
         */
        static boolean declaresSpans(Class<?> type) {
            return declaresSpans(ClassUtils.getUserClass(type), new HashSet<>());
        }

        private static boolean declaresSpans(@Nullable Class<?> type, Set<Class<?>> visited) {
            if (type == null || type.getName().startsWith("java.") || !visited.add(type)) {
                return false;
            }
            if (type.getDeclaredAnnotation(LlamaSpan.class) != null) {
                return true;
            }
            for (Method method : ReflectionUtils.getDeclaredMethods(type)) {
                if (method.getDeclaredAnnotation(LlamaSpan.class) != null) {
                    return true;
                }
            }
            if (declaresSpans(type.getSuperclass(), visited)) {
                return true;
            }
            for (Class<?> implemented : type.getInterfaces()) {
                if (declaresSpans(implemented, visited)) {
                    return true;
                }
            }
            return false;
        }
    }
}
