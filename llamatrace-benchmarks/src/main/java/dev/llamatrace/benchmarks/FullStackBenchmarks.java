package dev.llamatrace.benchmarks;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.llamatrace.benchmarks.FullStackApplication.Variant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What one framework call costs in an application, with and without llamatrace: a Spring AI {@code ChatClient} call
 * and a streamed call (20 chunks) on an in-process chat model, and a LangChain4j chat with its listeners, inside a
 * Spring Boot context started once per trial ({@link FullStackApplication}: Boot's observation, metrics, Prometheus
 * and OpenTelemetry tracing auto-configurations, Spring AI's chat client and chat observation auto-configurations).
 *
 * <p>{@code _without} excludes llamatrace's auto-configurations, {@code _llamatrace} runs them with their defaults and
 * {@code _disabled} with {@code llamatrace.enabled=false}, so the difference is exactly what the starter adds. Each
 * benchmark method uses one variant's state, and JMH runs each method in its own fork, so a fork holds one context.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FullStackBenchmarks {

    static final String QUESTION = "Which Paris museum holds the Mona Lisa?";

    /** One running application and what the benchmarks call in it. */
    public abstract static class Application {

        ConfigurableApplicationContext context;

        ChatClient chatClient;

        FixedAnswerLangChain4jModel langChain4j;

        ChatRequest langChain4jRequest;

        abstract Variant variant();

        /** Starts the application once per trial. */
        @Setup(Level.Trial)
        public void start() {
            this.context = FullStackApplication.start(variant());
            this.chatClient = this.context.getBean(ChatClient.class);
            this.langChain4j = this.context.getBean(FixedAnswerLangChain4jModel.class);
            this.langChain4jRequest = ChatRequest.builder()
                    .messages(UserMessage.from(QUESTION))
                    .modelName(FixedAnswerChatModel.MODEL)
                    .build();
        }

        /** Closes the application. */
        @TearDown(Level.Trial)
        public void stop() {
            this.context.close();
        }
    }

    /** The application without llamatrace. */
    @State(Scope.Benchmark)
    public static class Without extends Application {

        @Override
        Variant variant() {
            return Variant.WITHOUT;
        }
    }

    /** The application with the starter's defaults. */
    @State(Scope.Benchmark)
    public static class Llamatrace extends Application {

        @Override
        Variant variant() {
            return Variant.LLAMATRACE;
        }
    }

    /** The application with the starter's defaults but no time to first chunk. */
    @State(Scope.Benchmark)
    public static class LlamatraceWithoutFirstChunk extends Application {

        @Override
        Variant variant() {
            return Variant.LLAMATRACE_WITHOUT_FIRST_CHUNK;
        }
    }

    /** The application with the starter and {@code llamatrace.enabled=false}. */
    @State(Scope.Benchmark)
    public static class Disabled extends Application {

        @Override
        Variant variant() {
            return Variant.DISABLED;
        }
    }

    static String call(Application application) {
        return application.chatClient.prompt().user(QUESTION).call().content();
    }

    static String stream(Application application) {
        return application.chatClient.prompt().user(QUESTION).stream().content().blockLast();
    }

    static String langChain4j(Application application) {
        return application
                .langChain4j
                .chat(application.langChain4jRequest)
                .aiMessage()
                .text();
    }

    /**
     * A {@code ChatClient} call without llamatrace.
     *
     * @param application the running application
     * @return the answer
     */
    @Benchmark
    public String springAi_call_without(Without application) {
        return call(application);
    }

    /**
     * A {@code ChatClient} call with llamatrace's defaults.
     *
     * @param application the running application
     * @return the answer
     */
    @Benchmark
    public String springAi_call_llamatrace(Llamatrace application) {
        return call(application);
    }

    /**
     * A {@code ChatClient} call with the starter switched off.
     *
     * @param application the running application
     * @return the answer
     */
    @Benchmark
    public String springAi_call_disabled(Disabled application) {
        return call(application);
    }

    /**
     * A streamed {@code ChatClient} call (20 chunks) without llamatrace.
     *
     * @param application the running application
     * @return the last chunk's text
     */
    @Benchmark
    public String springAi_stream_without(Without application) {
        return stream(application);
    }

    /**
     * A streamed {@code ChatClient} call (20 chunks) with llamatrace's defaults.
     *
     * @param application the running application
     * @return the last chunk's text
     */
    @Benchmark
    public String springAi_stream_llamatrace(Llamatrace application) {
        return stream(application);
    }

    /**
     * A streamed {@code ChatClient} call (20 chunks) with llamatrace's defaults but no time to first chunk.
     *
     * @param application the running application
     * @return the last chunk's text
     */
    @Benchmark
    public String springAi_stream_llamatraceWithoutFirstChunk(LlamatraceWithoutFirstChunk application) {
        return stream(application);
    }

    /**
     * A LangChain4j chat without llamatrace (no listener).
     *
     * @param application the running application
     * @return the answer
     */
    @Benchmark
    public String langChain4j_chat_without(Without application) {
        return langChain4j(application);
    }

    /**
     * A LangChain4j chat with llamatrace's listener.
     *
     * @param application the running application
     * @return the answer
     */
    @Benchmark
    public String langChain4j_chat_llamatrace(Llamatrace application) {
        return langChain4j(application);
    }
}
