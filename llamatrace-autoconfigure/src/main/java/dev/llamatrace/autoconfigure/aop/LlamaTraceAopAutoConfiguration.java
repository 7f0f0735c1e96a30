package dev.llamatrace.autoconfigure.aop;

import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.LlamaTraceProperties;
import dev.llamatrace.core.DispatcherRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.annotation.Role;

/**
 * Auto-configuration of the {@link LlamaSpan} aspect, when AspectJ is on the class path (e.g. through
 * {@code spring-boot-starter-aspectj}) and Boot's AOP auto-configuration proxies beans. The aspect is applied through
 * {@link LlamaSpanAdvisor}, a plain Spring AOP advisor, so startup does not run AspectJ's pointcut matcher over every
 * bean.
 */
@AutoConfiguration(
        after = LlamaTraceAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration")
@ConditionalOnClass(name = "org.aspectj.weaver.Advice")
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.ENABLED, matchIfMissing = true)
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.AOP_ENABLED, matchIfMissing = true)
@ConditionalOnBean(DispatcherRegistry.class)
@ImportRuntimeHints(LlamaTraceAopAutoConfiguration.ReactorTypeHints.class)
public final class LlamaTraceAopAutoConfiguration {

    LlamaTraceAopAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    LlamaSpanAspect llamaSpanAspect(DispatcherRegistry registry, LlamaTraceProperties properties) {
        return new LlamaSpanAspect(registry, properties.getAop().isCaptureArguments());
    }

    /**
     * Applies the aspect. Auto-proxy creators create advisors before other beans; the aspect (and with it the registry)
     * is resolved on the first advised call instead.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    @ConditionalOnMissingBean
    static LlamaSpanAdvisor llamaSpanAdvisor(ObjectProvider<LlamaSpanAspect> aspect) {
        return new LlamaSpanAdvisor(aspect::getObject);
    }

    /** The aspect looks Reactor's types up by name; a native image resolves only the names it was told about. */
    static final class ReactorTypeHints implements RuntimeHintsRegistrar {

        @Override
        public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
            hints.reflection().registerTypeIfPresent(classLoader, ReturnKind.MONO_NAME, (type) -> {});
            hints.reflection().registerTypeIfPresent(classLoader, ReturnKind.FLUX_NAME, (type) -> {});
        }
    }
}
