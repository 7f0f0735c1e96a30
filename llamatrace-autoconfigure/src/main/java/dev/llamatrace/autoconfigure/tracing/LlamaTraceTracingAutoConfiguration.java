package dev.llamatrace.autoconfigure.tracing;

import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.LlamaTraceProperties;
import dev.llamatrace.autoconfigure.springai.LlamaTraceSpringAiAutoConfiguration;
import dev.llamatrace.core.DispatcherRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the bridge from llamatrace spans to Micrometer observations, when an
 * {@link ObservationRegistry} exists. With a Micrometer Tracing bridge on the class path (e.g.
 * {@code spring-boot-starter-opentelemetry}), Boot exports the spans over OTLP or Zipkin with no further code.
 */
@AutoConfiguration(
        after = LlamaTraceAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.ENABLED, matchIfMissing = true)
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.TRACING_ENABLED, matchIfMissing = true)
@ConditionalOnBean({ObservationRegistry.class, DispatcherRegistry.class})
public final class LlamaTraceTracingAutoConfiguration {

    /** A class of Micrometer Tracing, optional at run time. */
    static final String MICROMETER_TRACING_HANDLER = "io.micrometer.tracing.handler.TracingObservationHandler";

    LlamaTraceTracingAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    ObservationSpanHandler llamatraceObservationSpanHandler(
            ObservationRegistry registry, LlamaTraceProperties properties, ObjectProvider<ContentCapture> content) {
        // Spring AI's own observations are exported already; re-exporting the spans made from them would duplicate
        // them.
        return new ObservationSpanHandler(
                registry,
                content.getIfAvailable(() -> ContentCapture.of(properties)),
                Set.of(LlamaTraceSpringAiAutoConfiguration.DISPATCHER_NAME),
                properties.getTracing().isOpenInference());
    }

    /** Observations created inside a llamatrace span (e.g. Spring AI's) nest under the span's observation. */
    @Bean
    static ObservationPredicate llamatraceActiveSpanParentPredicate(ObjectProvider<ObservationSpanHandler> spans) {
        return new ActiveSpanParentPredicate(
                spans::getIfAvailable,
                ClassUtils.isPresent(MICROMETER_TRACING_HANDLER, ActiveSpanParentPredicate.class.getClassLoader()));
    }

    /** Whether Micrometer Tracing is present is asked by name; a native image resolves only the names it was told about. */
    static final class TracingTypeHints implements RuntimeHintsRegistrar {

        @Override
        public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
            hints.reflection().registerTypeIfPresent(classLoader, MICROMETER_TRACING_HANDLER, (type) -> {});
        }
    }
}
