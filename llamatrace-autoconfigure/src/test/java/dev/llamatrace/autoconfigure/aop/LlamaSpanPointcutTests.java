package dev.llamatrace.autoconfigure.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.DispatcherRegistry;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.MethodMatcher;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * The advisor's pointcut: auto-proxy creators ask its class filter about every bean at startup, so it must reject a
 * class without {@code @LlamaSpan} before any method is matched, and never reject one whose methods would match.
 */
class LlamaSpanPointcutTests {

    private final Pointcut pointcut =
            new LlamaSpanAdvisor(new LlamaSpanAspect(new DispatcherRegistry(), false)).getPointcut();

    private final ClassFilter classFilter = this.pointcut.getClassFilter();

    @Test
    void classesWithoutTheAnnotationAreRejectedBeforeAnyMethodIsMatched() {
        assertThat(List.of(Plain.class, PlainSubclass.class, PlainImplementation.class, Object.class, String.class))
                .noneMatch(this.classFilter::matches);
    }

    @Test
    void classesDeclaringTheAnnotationAnywhereInTheirHierarchyPassTheClassFilter() {
        assertThat(List.of(
                        AnnotatedMethod.class,
                        AnnotatedType.class,
                        InheritsAnnotatedMethod.class,
                        OverridesAnnotatedMethod.class,
                        InheritsAnnotatedType.class,
                        ImplementsAnnotatedInterfaceMethod.class,
                        ImplementsAnnotatedInterface.class,
                        ImplementsExtendedAnnotatedInterface.class))
                .allMatch(this.classFilter::matches);
    }

    @Test
    void theClassFilterAgreesWithMatchingEveryMethod() {
        MethodMatcher methods = this.pointcut.getMethodMatcher();
        Pointcut everyMethod = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return methods.matches(method, targetClass);
            }
        };
        for (Class<?> type : List.of(
                Plain.class,
                PlainSubclass.class,
                PlainImplementation.class,
                AnnotatedMethod.class,
                AnnotatedType.class,
                InheritsAnnotatedMethod.class,
                OverridesAnnotatedMethod.class,
                InheritsAnnotatedType.class,
                ImplementsAnnotatedInterfaceMethod.class,
                ImplementsAnnotatedInterface.class,
                ImplementsExtendedAnnotatedInterface.class)) {
            assertThat(this.classFilter.matches(type))
                    .as(type.getSimpleName())
                    .isEqualTo(AopUtils.canApply(everyMethod, type));
        }
    }

    @Test
    void onlyTheAnnotatedMethodsOfAPassingClassMatch() throws NoSuchMethodException {
        assertThat(AopUtils.canApply(this.pointcut, AnnotatedMethod.class)).isTrue();
        MethodMatcher methods = this.pointcut.getMethodMatcher();
        assertThat(methods.matches(AnnotatedMethod.class.getMethod("traced"), AnnotatedMethod.class))
                .isTrue();
        assertThat(methods.matches(AnnotatedMethod.class.getMethod("untraced"), AnnotatedMethod.class))
                .isFalse();
    }

    public static class Plain {

        public void untraced() {}
    }

    public static class PlainSubclass extends Plain {}

    public interface PlainInterface {

        void call();
    }

    public static class PlainImplementation implements PlainInterface {

        @Override
        public void call() {}
    }

    public static class AnnotatedMethod {

        @LlamaSpan
        public void traced() {}

        public void untraced() {}
    }

    @LlamaSpan
    public static class AnnotatedType {

        public void traced() {}
    }

    public static class InheritsAnnotatedMethod extends AnnotatedMethod {}

    public static class OverridesAnnotatedMethod extends AnnotatedMethod {

        @Override
        public void traced() {}
    }

    public static class InheritsAnnotatedType extends AnnotatedType {}

    public interface AnnotatedInterfaceMethod {

        @LlamaSpan
        void call();
    }

    public static class ImplementsAnnotatedInterfaceMethod implements AnnotatedInterfaceMethod {

        @Override
        public void call() {}
    }

    @LlamaSpan
    public interface AnnotatedInterface {

        void call();
    }

    public static class ImplementsAnnotatedInterface implements AnnotatedInterface {

        @Override
        public void call() {}
    }

    public interface ExtendedAnnotatedInterface extends AnnotatedInterfaceMethod {}

    public static class ImplementsExtendedAnnotatedInterface implements ExtendedAnnotatedInterface {

        @Override
        public void call() {}
    }
}
