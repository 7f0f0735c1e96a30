package dev.llamatrace.benchmarks;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The application of the full-stack benchmarks: everything auto-configured from the class path as in an application
 * with actuator's metrics, Prometheus, the OpenTelemetry tracing bridge (sampling everything, Boot's batch span
 * processor), Spring AI's chat client and LangChain4j, and an in-process chat model of each framework. Spans go to a
 * {@link CountingSpanExporter}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class FullStackApplication {

    /** How llamatrace takes part. */
    enum Variant {
        /** llamatrace's auto-configurations excluded: the application as it is without the starter. */
        WITHOUT,
        /** The starter with its defaults. */
        LLAMATRACE,
        /** The starter with {@code llamatrace.enabled=false}. */
        DISABLED,
        /**
         * The starter with its defaults but no time to first chunk ({@code llamatrace.spring-ai.time-to-first-chunk=false}):
         * what the first-chunk advisor, which Spring AI observes and exports like any advisor, costs a stream.
         */
        LLAMATRACE_WITHOUT_FIRST_CHUNK
    }

    /**
     * Starts the application, non-web, with the properties of {@code variant}.
     *
     * @param variant how llamatrace takes part
     * @return the running context
     */
    static ConfigurableApplicationContext start(Variant variant) {
        Map<String, Object> properties = new TreeMap<>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        properties.put("logging.level.root", "warn");
        properties.put("management.tracing.sampling.probability", "1.0");
        if (variant == Variant.WITHOUT) {
            properties.put("spring.autoconfigure.exclude", String.join(",", llamatraceAutoConfigurations()));
        } else if (variant == Variant.DISABLED) {
            properties.put("llamatrace.enabled", "false");
        } else if (variant == Variant.LLAMATRACE_WITHOUT_FIRST_CHUNK) {
            properties.put("llamatrace.spring-ai.time-to-first-chunk", "false");
        }
        return new SpringApplicationBuilder(FullStackApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }

    /** The auto-configurations the starter brings, as Boot finds them. */
    static List<String> llamatraceAutoConfigurations() {
        List<String> names = new ArrayList<>();
        for (String candidate :
                ImportCandidates.load(AutoConfiguration.class, FullStackApplication.class.getClassLoader())) {
            if (candidate.startsWith("dev.llamatrace.")) {
                names.add(candidate);
            }
        }
        return names;
    }

    @Bean
    CountingSpanExporter countingSpanExporter() {
        return new CountingSpanExporter();
    }

    @Bean
    FixedAnswerChatModel fixedAnswerChatModel(ObservationRegistry observations) {
        return new FixedAnswerChatModel(observations);
    }

    /**
     * The chat client an application builds from the auto-configured builder (with its customizers applied), naming
     * its model as the {@code spring.ai.<provider>.chat.options.model} property would.
     */
    @Bean
    ChatClient chatClient(ChatClient.Builder builder) {
        return builder.defaultOptions(ChatOptions.builder().model(FixedAnswerChatModel.MODEL))
                .build();
    }

    /** A LangChain4j model with every listener bean attached, as LangChain4j's Spring Boot starters attach them. */
    @Bean
    FixedAnswerLangChain4jModel fixedAnswerLangChain4jModel(ObjectProvider<ChatModelListener> listeners) {
        return new FixedAnswerLangChain4jModel(listeners.orderedStream().toList());
    }

    static ChatModel chatModel(ConfigurableApplicationContext context) {
        return context.getBean(FixedAnswerChatModel.class);
    }
}
