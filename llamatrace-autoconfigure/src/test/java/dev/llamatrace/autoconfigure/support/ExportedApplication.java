package dev.llamatrace.autoconfigure.support;

import static org.awaitility.Awaitility.await;

import dev.llamatrace.autoconfigure.support.OtlpReceiver.Received;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application exporting its traces with the Phoenix preset to an {@link OtlpReceiver}, its Spring AI
 * OpenAI client pointed at an {@link OpenAiStub}; both run inside the test. Register it with
 * {@code @RegisterExtension}; they stop after each test.
 */
public final class ExportedApplication implements AfterEachCallback {

    private final OpenAiStub stub = OpenAiStub.start();

    private final OtlpReceiver receiver;

    private final Class<?> application;

    /**
     * Creates the fixture.
     *
     * @param application the application's configuration class
     */
    public ExportedApplication(Class<?> application) {
        this.application = application;
        try {
            this.receiver = new OtlpReceiver();
        } catch (IOException ex) {
            this.stub.close();
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Returns the stub the application's models call.
     *
     * @return the stub
     */
    public OpenAiStub stub() {
        return this.stub;
    }

    /**
     * Returns every span received so far.
     *
     * @return the spans
     */
    public List<Received> spans() {
        return this.receiver.spans();
    }

    /**
     * Runs the application, then closes it, which flushes the exporter.
     *
     * @param extraArguments arguments added to the preset's
     * @param callback what to do with the running application
     */
    public void run(List<String> extraArguments, Consumer<ConfigurableApplicationContext> callback) {
        List<String> arguments = new ArrayList<>(List.of(
                "--llamatrace.export.phoenix.enabled=true",
                "--llamatrace.export.phoenix.endpoint=" + this.receiver.endpoint(),
                "--spring.ai.openai.base-url=" + this.stub.baseUrl(),
                "--spring.ai.openai.api-key=test-key",
                "--spring.ai.openai.max-retries=0",
                "--spring.ai.openai.chat.model=gpt-4o-mini",
                "--management.otlp.metrics.export.enabled=false"));
        arguments.addAll(extraArguments);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(this.application)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
        try {
            callback.accept(context);
        } finally {
            // Closing shuts the SDK down, which flushes the batch processor.
            context.close();
        }
    }

    /**
     * Returns the received spans of a name.
     *
     * @param name the span name
     * @return the spans, in the order received
     */
    public List<Received> spansNamed(String name) {
        return this.receiver.spans().stream()
                .filter((span) -> span.name().equals(name))
                .toList();
    }

    /**
     * Waits up to 10 seconds for a span of a name that matches.
     *
     * @param name the span name
     * @param condition what the span must satisfy
     * @return the first such span
     */
    public Received awaitSpan(String name, Predicate<Received> condition) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> spansNamed(name).stream().anyMatch(condition));
        return spansNamed(name).stream().filter(condition).findFirst().orElseThrow();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        this.receiver.close();
        this.stub.close();
    }
}
