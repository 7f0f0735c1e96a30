package dev.llamatrace.autoconfigure.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.RecordingSpanHandler;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.span.SpanInvocation;
import org.junit.jupiter.api.Test;
import org.springframework.aop.aspectj.annotation.AnnotationAwareAspectJAutoProxyCreator;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.aop.framework.autoproxy.InfrastructureAdvisorAutoProxyCreator;
import org.springframework.aop.support.AopUtils;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LlamaTraceAopAutoConfigurationTests {

    /** With AspectJ on the class path, as in an application that brings it. */
    private final ApplicationContextRunner withAspectJ = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    LlamaTraceAutoConfiguration.class,
                    LlamaTraceAopAutoConfiguration.class,
                    AopAutoConfiguration.class))
            .withBean(DispatcherRegistry.class, DispatcherRegistry::new)
            .withBean("spans", RecordingSpanHandler.class)
            .withBean(Greeter.class)
            .withBean(Plain.class);

    /** Without AspectJ, as with the starter alone. */
    private final ApplicationContextRunner runner =
            this.withAspectJ.withClassLoader(new FilteredClassLoader("org.aspectj"));

    @Test
    void annotatedBeanMethodsOpenSpans() {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(LlamaSpanAspect.class);
            Greeter greeter = context.getBean(Greeter.class);
            assertThat(AopUtils.isAopProxy(greeter)).isTrue();
            assertThat(greeter.greet("Ada")).isEqualTo("hello Ada");
            RecordingSpanHandler spans = context.getBean(RecordingSpanHandler.class);
            assertThat(spans.entered()).singleElement().satisfies((span) -> {
                assertThat(span.name()).isEqualTo("Greeter.greet");
                assertThat(span.arguments()).isEmpty();
            });
        });
    }

    @Test
    void theAspectIsAppliedByAnAdvisorMatchingAnnotatedMethodsOnly() {
        this.runner.run((context) -> {
            LlamaSpanAdvisor advisor = context.getBean(LlamaSpanAdvisor.class);
            assertThat(AopUtils.canApply(advisor, Greeter.class)).isTrue();
            assertThat(AopUtils.canApply(advisor, Plain.class)).isFalse();
            assertThat(AopUtils.isAopProxy(context.getBean(Plain.class))).isFalse();
        });
    }

    @Test
    void argumentCaptureFollowsTheProperty() {
        this.runner.withPropertyValues("llamatrace.aop.capture-arguments=true").run((context) -> {
            context.getBean(Greeter.class).greet("Ada");
            assertThat(context.getBean(RecordingSpanHandler.class).entered())
                    .extracting(SpanInvocation::arguments)
                    .containsExactly(java.util.Map.of("name", "Ada"));
        });
    }

    @Test
    void annotatedBeanMethodsOpenSpansWithAspectJsAutoProxyCreatorToo() {
        this.withAspectJ.run((context) -> {
            assertThat(context.getBean(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME))
                    .isInstanceOf(AnnotationAwareAspectJAutoProxyCreator.class);
            assertThat(context.getBean(Greeter.class).greet("Ada")).isEqualTo("hello Ada");
            assertThat(context.getBean(RecordingSpanHandler.class).entered())
                    .extracting(SpanInvocation::name)
                    .containsExactly("Greeter.greet");
        });
    }

    @Test
    void withoutAspectJBootsInfrastructureAutoProxyCreatorAppliesTheAdvisor() {
        this.runner.run((context) -> {
            assertThat(context.getBean(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME))
                    .isExactlyInstanceOf(InfrastructureAdvisorAutoProxyCreator.class);
            assertThat(AopUtils.isCglibProxy(context.getBean(Greeter.class))).isTrue();
        });
    }

    @Test
    void anAutoProxyCreatorIsRegisteredWhereBootRegistersNone() {
        // Without AspectJ, Boot registers an auto-proxy creator only for class-based proxies.
        this.runner.withPropertyValues("spring.aop.proxy-target-class=false").run((context) -> {
            assertThat(context.getBean(Greeter.class).greet("Ada")).isEqualTo("hello Ada");
            assertThat(context.getBean(RecordingSpanHandler.class).entered())
                    .extracting(SpanInvocation::name)
                    .containsExactly("Greeter.greet");
        });
    }

    @Test
    void noAutoProxyCreatorWhenSpringAopAutoProxyingIsOff() {
        this.runner.withPropertyValues("spring.aop.auto=false").run((context) -> {
            assertThat(context).hasSingleBean(LlamaSpanAdvisor.class);
            assertThat(context).doesNotHaveBean(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME);
            assertThat(AopUtils.isAopProxy(context.getBean(Greeter.class))).isFalse();
        });
    }

    @Test
    void noAspectWhenSwitchedOff() {
        this.runner.withPropertyValues("llamatrace.aop.enabled=false").run((context) -> {
            assertThat(context).doesNotHaveBean(LlamaSpanAspect.class);
            assertThat(context.getBean(Greeter.class).greet("Ada")).isEqualTo("hello Ada");
            assertThat(context.getBean(RecordingSpanHandler.class).records()).isEmpty();
        });
    }

    @Test
    void noAspectWhenLlamaTraceIsDisabled() {
        this.runner.withPropertyValues("llamatrace.enabled=false").run((context) -> {
            assertThat(context).doesNotHaveBean(LlamaSpanAspect.class);
            assertThat(context.getBean(Greeter.class).greet("Ada")).isEqualTo("hello Ada");
        });
    }

    @Test
    void reactorTypesLookedUpByNameAreKnownToANativeImage() {
        RuntimeHints hints = new RuntimeHints();
        new LlamaTraceAopAutoConfiguration.ReactorTypeHints()
                .registerHints(hints, getClass().getClassLoader());
        assertThat(RuntimeHintsPredicates.reflection().onType(reactor.core.publisher.Mono.class))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(reactor.core.publisher.Flux.class))
                .accepts(hints);
    }

    @Test
    void userAspectBeanWins() {
        LlamaSpanAspect custom = new LlamaSpanAspect(new DispatcherRegistry(), true);
        this.runner.withBean(LlamaSpanAspect.class, () -> custom).run((context) -> assertThat(context)
                .getBean(LlamaSpanAspect.class)
                .isSameAs(custom));
    }

    public static class Plain {

        public String greet(String name) {
            return "hi " + name;
        }
    }

    public static class Greeter {

        @LlamaSpan
        public String greet(String name) {
            return "hello " + name;
        }
    }
}
