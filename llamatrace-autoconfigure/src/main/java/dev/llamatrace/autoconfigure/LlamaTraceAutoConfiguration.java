package dev.llamatrace.autoconfigure;

import dev.llamatrace.autoconfigure.redaction.ContentRedactor;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.Dispatchers;
import dev.llamatrace.core.callback.CallbackManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of the llamatrace bus: the dispatcher registry, its root dispatcher, and the subscription of every
 * {@code EventHandler} and {@code SpanHandler} bean. The built-in handlers, meters, tracing bridge, aspect and endpoint
 * have their own auto-configurations.
 *
 * <p>{@code llamatrace.enabled=false} switches llamatrace off the way Boot switches off its own instrumentation: the
 * beans an application injects ({@link DispatcherRegistry}, the root {@link Dispatcher}, {@link CallbackManager}, the
 * integrations' listeners and advisor) stay, so the application starts and runs unchanged, but they belong to a registry
 * of their own that no handler is attached to. No handler, meter, endpoint, aspect or observation handler is created,
 * handler beans are not attached, and every event and span costs what a dispatcher with no handler costs: nothing.
 *
 * <p>The default registry is the process-wide {@link Dispatchers#registry()}, so libraries that instrument themselves
 * with {@code Dispatchers.get(MyClass.class)} reach the application's handlers. Define a {@link DispatcherRegistry}
 * bean to isolate a context instead; Spring then calls its {@link DispatcherRegistry#shutdown()} when the context
 * closes. Either way, closing the context drops the spans its span handler beans still hold open and closes them.
 */
@AutoConfiguration
public final class LlamaTraceAutoConfiguration {

    /** Bean name of the dispatcher registry. */
    public static final String REGISTRY_BEAN_NAME = "llamatraceDispatcherRegistry";

    /** Bean name of the root dispatcher. */
    public static final String ROOT_DISPATCHER_BEAN_NAME = "llamatraceRootDispatcher";

    /** Bean name of the token counting handler ({@code TokenCountingHandler}). */
    public static final String TOKEN_COUNTING_HANDLER_BEAN_NAME = BuiltInHandlersConfiguration.TOKEN_COUNTING_HANDLER;

    /** Bean name of the debug handler ({@code LlamaDebugHandler}). */
    public static final String DEBUG_HANDLER_BEAN_NAME = BuiltInHandlersConfiguration.DEBUG_HANDLER;

    /** Bean name of the span handler keeping trace trees ({@code SimpleSpanHandler}). */
    public static final String SPAN_HANDLER_BEAN_NAME = BuiltInHandlersConfiguration.SPAN_HANDLER;

    /** Bean name of the fine-tuning handler ({@code OpenAIFineTuningHandler}). */
    public static final String FINE_TUNING_HANDLER_BEAN_NAME = BuiltInHandlersConfiguration.FINE_TUNING_HANDLER;

    /** Bean name of the content capture settings ({@link ContentCapture}). */
    public static final String CONTENT_CAPTURE_BEAN_NAME = "llamatraceContentCapture";

    /** Bean name of the callback manager on the root dispatcher. */
    public static final String CALLBACK_MANAGER_BEAN_NAME = "llamatraceCallbackManager";

    LlamaTraceAutoConfiguration() {}

    // Not shut down with the context: its registry is (when the context owns it), and handler beans are on their own.
    @Bean(name = ROOT_DISPATCHER_BEAN_NAME, destroyMethod = "")
    @ConditionalOnMissingBean(name = ROOT_DISPATCHER_BEAN_NAME)
    Dispatcher llamatraceRootDispatcher(DispatcherRegistry registry) {
        return registry.root();
    }

    @Bean(CALLBACK_MANAGER_BEAN_NAME)
    @ConditionalOnMissingBean
    CallbackManager llamatraceCallbackManager(DispatcherRegistry registry) {
        return new CallbackManager(registry.root());
    }

    /** Switched on: the process-wide registry, the built-in handlers and the subscription of handler beans. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = LlamaTraceProperties.ENABLED, matchIfMissing = true)
    @EnableConfigurationProperties(LlamaTraceProperties.class)
    @Import(BuiltInHandlersConfiguration.class)
    static final class EnabledConfiguration {

        // The process-wide registry outlives the context: only the handlers this context attached are shut down.
        @Bean(name = REGISTRY_BEAN_NAME, destroyMethod = "")
        @ConditionalOnMissingBean
        DispatcherRegistry llamatraceDispatcherRegistry() {
            return Dispatchers.registry();
        }

        /**
         * Content capture: the properties' settings, the built-in and configured redaction rules, then the
         * application's {@link ContentRedactor} beans in order.
         */
        @Bean(CONTENT_CAPTURE_BEAN_NAME)
        @ConditionalOnMissingBean
        ContentCapture llamatraceContentCapture(
                LlamaTraceProperties properties, ObjectProvider<ContentRedactor> redactors) {
            return ContentCapture.of(properties, redactors.orderedStream().toList());
        }

        @Bean
        static LlamaTraceHandlerRegistrar llamatraceHandlerRegistrar(
                ObjectProvider<DispatcherRegistry> registry, ObjectProvider<LlamaTraceProperties> properties) {
            return new LlamaTraceHandlerRegistrar(registry, properties);
        }
    }

    /**
     * Switched off: a registry of its own (not the process-wide one, which libraries or another context may listen
     * on), so the beans applications inject keep working while nothing listens. A bean method rather than a
     * configuration class of its own: switched off, this class and the integrations' are all Boot processes.
     */
    @Bean(REGISTRY_BEAN_NAME)
    @ConditionalOnBooleanProperty(name = LlamaTraceProperties.ENABLED, havingValue = false)
    @ConditionalOnMissingBean
    DispatcherRegistry llamatraceSwitchedOffDispatcherRegistry() {
        return new DispatcherRegistry();
    }
}
