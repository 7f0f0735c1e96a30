package dev.llamatrace.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.aop.LlamaTraceAopAutoConfiguration;
import dev.llamatrace.autoconfigure.endpoint.LlamaTraceDescriptors;
import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceAiServiceListeners;
import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceLangChain4jAutoConfiguration;
import dev.llamatrace.autoconfigure.metrics.LlamaTraceMetricsAutoConfiguration;
import dev.llamatrace.autoconfigure.springai.LlamaTraceSpringAiAutoConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.aop.framework.autoproxy.InfrastructureAdvisorAutoProxyCreator;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * What the starter costs an application at startup, as structure rather than time: every llamatrace
 * auto-configuration, next to Boot's AOP, observation and metrics ones, on a class path without AspectJ (the starter's).
 */
class LlamaTraceStartupFootprintTests {

    /** What Boot's auto-configuration annotation processor writes, and Boot's import filter reads. */
    private static final String AUTOCONFIGURE_METADATA = "META-INF/spring-autoconfigure-metadata.properties";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withClassLoader(new FilteredClassLoader("org.aspectj"))
            .withConfiguration(AutoConfigurations.of(llamatraceAutoConfigurations()))
            .withConfiguration(AutoConfigurations.of(
                    AopAutoConfiguration.class,
                    ObservationAutoConfiguration.class,
                    MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class));

    @Test
    void switchedOffOnlyTheBeansApplicationsInjectExist() {
        this.runner.withPropertyValues("llamatrace.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(llamatraceBeans(context))
                    .containsExactlyInAnyOrder(
                            LlamaTraceAutoConfiguration.REGISTRY_BEAN_NAME,
                            LlamaTraceAutoConfiguration.ROOT_DISPATCHER_BEAN_NAME,
                            LlamaTraceAutoConfiguration.CALLBACK_MANAGER_BEAN_NAME,
                            "llamatraceFirstChunkStreamAdvisor",
                            "llamatraceChatModelListener",
                            "llamatraceEmbeddingModelListener",
                            "llamatraceContentRetrieverListener",
                            "llamatraceEmbeddingStoreListener",
                            "llamatraceAiServiceListeners");
            assertThat(context.getBeanNamesForType(BeanPostProcessor.class, true, false))
                    .noneMatch((name) -> isLlamaTrace(context, name));
        });
    }

    @Test
    void switchedOffOnlyTheIntegrationsConfigurationClassesAreProcessed() {
        this.runner.withPropertyValues("llamatrace.enabled=false").run((context) -> assertThat(
                        llamatraceConfigurationClasses(context))
                .containsExactlyInAnyOrder(
                        LlamaTraceAutoConfiguration.class.getName(),
                        LlamaTraceSpringAiAutoConfiguration.class.getName(),
                        LlamaTraceSpringAiAutoConfiguration.class.getName() + "$FirstChunkAdvisorConfiguration",
                        LlamaTraceLangChain4jAutoConfiguration.class.getName(),
                        LlamaTraceLangChain4jAutoConfiguration.class.getName() + "$AiServiceListenersConfiguration"));
    }

    @Test
    void switchedOnTheBuiltInHandlersAndTheAspectAddNoNestedConfigurationClass() {
        this.runner.run((context) -> assertThat(llamatraceConfigurationClasses(context))
                .filteredOn((name) -> name.startsWith(BuiltInHandlersConfiguration.class.getName())
                        || name.startsWith(LlamaTraceAopAutoConfiguration.class.getName()))
                .containsExactlyInAnyOrder(
                        BuiltInHandlersConfiguration.class.getName(), LlamaTraceAopAutoConfiguration.class.getName()));
    }

    @Test
    void theAutoConfigurationMetadataListsEveryAutoConfigurationWithItsClassConditions() throws IOException {
        Properties metadata = new Properties();
        for (URL url : Collections.list(getClass().getClassLoader().getResources(AUTOCONFIGURE_METADATA))) {
            try (InputStream in = url.openStream()) {
                metadata.load(in);
            }
        }
        assertThat(llamatraceAutoConfigurations())
                .allSatisfy((type) -> assertThat(metadata).containsKey(type.getName()));
        assertThat(metadata)
                .containsEntry(
                        LlamaTraceLangChain4jAutoConfiguration.class.getName() + ".ConditionalOnClass",
                        "dev.langchain4j.model.chat.listener.ChatModelListener")
                .containsEntry(
                        LlamaTraceMetricsAutoConfiguration.class.getName() + ".ConditionalOnClass",
                        "io.micrometer.core.instrument.MeterRegistry");
    }

    @Test
    void theAiServiceListenersBeanDeclaresNoLangChain4jTypeForSpringToLoad() {
        // Spring introspects every bean's declared methods at startup, loading each type they name; the listeners and
        // the event types they handle live in a class that is loaded on the first listeners() call.
        assertThat(Arrays.stream(LlamaTraceAiServiceListeners.class.getDeclaredMethods())
                        .flatMap((method) -> Stream.concat(
                                Stream.of(method.getReturnType()), Arrays.stream(method.getParameterTypes())))
                        .map(Class::getName))
                .noneMatch((name) -> name.startsWith("dev.langchain4j."));
    }

    @Test
    void runtimeHintsReachSpringAotThroughAotFactoriesNotThroughTheConfigurationClasses() {
        // Boot's bean name generator resolves every class an imported configuration's annotations name, so an
        // @ImportRuntimeHints registrar would be loaded on every start on the JVM, where it is never used.
        assertThat(llamatraceConfigurationClasses())
                .noneMatch((type) -> type.isAnnotationPresent(ImportRuntimeHints.class));
        RuntimeHints hints = new RuntimeHints();
        AotServices.factories(getClass().getClassLoader())
                .load(RuntimeHintsRegistrar.class)
                .forEach(
                        (registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
        assertThat(RuntimeHintsPredicates.resource().forResource("com/knuddels/jtokkit/cl100k_base.tiktoken"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(LlamaTraceDescriptors.Trace.class))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(reactor.core.publisher.Mono.class))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection()
                        .onType(io.micrometer.tracing.handler.TracingObservationHandler.class))
                .accepts(hints);
    }

    @Test
    void withoutAspectJBootProxiesWithItsInfrastructureAutoProxyCreator() {
        this.runner.run((context) -> assertThat(context.getBean(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME))
                .isExactlyInstanceOf(InfrastructureAdvisorAutoProxyCreator.class));
    }

    private static Class<?>[] llamatraceAutoConfigurations() {
        ClassLoader loader = LlamaTraceStartupFootprintTests.class.getClassLoader();
        List<Class<?>> classes = ImportCandidates.load(AutoConfiguration.class, loader).getCandidates().stream()
                .filter((name) -> name.startsWith("dev.llamatrace."))
                .<Class<?>>map((name) -> {
                    try {
                        return Class.forName(name, false, loader);
                    } catch (ClassNotFoundException ex) {
                        throw new IllegalStateException(ex);
                    }
                })
                .toList();
        assertThat(classes).hasSizeGreaterThan(5);
        return classes.toArray(Class<?>[]::new);
    }

    /** Every auto-configuration of llamatrace's and the configuration classes nested in it, at any depth. */
    private static List<Class<?>> llamatraceConfigurationClasses() {
        List<Class<?>> classes = new ArrayList<>();
        Deque<Class<?>> pending = new ArrayDeque<>(Arrays.asList(llamatraceAutoConfigurations()));
        pending.add(BuiltInHandlersConfiguration.class);
        while (!pending.isEmpty()) {
            Class<?> type = pending.remove();
            classes.add(type);
            pending.addAll(Arrays.asList(type.getDeclaredClasses()));
        }
        return classes;
    }

    /** The configuration classes of llamatrace's that Boot processed: it names each bean after its class. */
    private static List<String> llamatraceConfigurationClasses(ConfigurableApplicationContext context) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .filter((name) -> name.startsWith("dev.llamatrace."))
                .toList();
    }

    /** The beans llamatrace defines: the application's own and Boot's are not counted. */
    private static List<String> llamatraceBeans(ConfigurableApplicationContext context) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .filter((name) -> isLlamaTrace(context, name))
                .filter((name) -> !isConfigurationClass(context, name))
                .toList();
    }

    private static boolean isLlamaTrace(ConfigurableApplicationContext context, String name) {
        Class<?> type = context.getType(name, false);
        return name.startsWith("llamatrace") || (type != null && type.getName().startsWith("dev.llamatrace."));
    }

    private static boolean isConfigurationClass(ConfigurableApplicationContext context, String name) {
        Class<?> type = context.getType(name, false);
        return type != null && type.getName().endsWith("AutoConfiguration")
                || type != null && type.getName().contains("AutoConfiguration$");
    }
}
