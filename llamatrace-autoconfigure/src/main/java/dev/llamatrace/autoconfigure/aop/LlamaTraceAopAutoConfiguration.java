package dev.llamatrace.autoconfigure.aop;

import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.LlamaTraceProperties;
import dev.llamatrace.core.DispatcherRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Advisor;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Auto-configuration of the {@link LlamaSpan} aspect. The aspect is applied through {@link LlamaSpanAdvisor}, a plain
 * Spring AOP advisor: it needs Spring AOP only, not AspectJ, so the starter does not bring AspectJ and startup does not
 * run AspectJ's pointcut matcher over every bean. Boot's AOP auto-configuration registers the auto-proxy creator that
 * applies it (the AspectJ one when the application brings AspectJ, else the infrastructure one); where Boot registers
 * none (no AspectJ and {@code spring.aop.proxy-target-class=false}) this configuration registers the infrastructure one,
 * unless {@code spring.aop.auto=false}.
 */
@AutoConfiguration(
        after = LlamaTraceAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration")
@ConditionalOnClass(Advisor.class)
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.ENABLED, matchIfMissing = true)
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.AOP_ENABLED, matchIfMissing = true)
@ConditionalOnBean(DispatcherRegistry.class)
@Import(LlamaTraceAopAutoConfiguration.AutoProxyCreatorRegistrar.class)
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

    /**
     * Registers the infrastructure auto-proxy creator to apply the advisor if no auto-proxy creator is registered yet
     * (or later), unless the application switched Spring AOP's auto-proxying off ({@code spring.aop.auto=false}, read
     * as Boot's {@code @ConditionalOnBooleanProperty} reads it). It reads the switch itself rather than through a
     * nested configuration class, which would cost Boot one more configuration class to process at every start.
     */
    static final class AutoProxyCreatorRegistrar implements ImportBeanDefinitionRegistrar {

        /** Spring AOP's switch for auto-proxying, on when absent. */
        static final String AUTO_PROXY = "spring.aop.auto";

        private final Environment environment;

        AutoProxyCreatorRegistrar(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            String autoProxy = this.environment.getProperty(AUTO_PROXY);
            if (autoProxy == null || Boolean.parseBoolean(autoProxy)) {
                AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
            }
        }
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
