package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.Recorder;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;

/**
 * Real Spring AI OpenAI clients talking HTTP to an {@link OpenAiStub}, observed by the llamatrace handlers, with a
 * {@link Recorder} on the root dispatcher. Register it per test with {@code @RegisterExtension}; the stub stops after
 * each test.
 */
final class SpringAiFixture implements AfterEachCallback {

    final OpenAiStub stub = OpenAiStub.start();

    final DispatcherRegistry registry = new DispatcherRegistry();

    final Dispatcher dispatcher = this.registry.get("dev.llamatrace.autoconfigure.springai");

    final Recorder recorder = new Recorder();

    final ObservationRegistry observations = ObservationRegistry.create();

    SpringAiFixture() {
        this.registry.root().addEventHandler(this.recorder);
        this.registry.root().addSpanHandler(this.recorder);
        this.observations
                .observationConfig()
                .observationHandler(new ChatModelObservationHandler(this.dispatcher))
                .observationHandler(new EmbeddingModelObservationHandler(this.dispatcher))
                .observationHandler(new ChatClientObservationHandler(this.dispatcher))
                .observationHandler(new AdvisorObservationHandler(this.dispatcher))
                .observationHandler(new ToolCallingObservationHandler(this.dispatcher))
                .observationHandler(new VectorStoreObservationHandler(this.dispatcher));
    }

    OpenAiChatModel chatModel() {
        return chatModel(OpenAiChatOptions.builder());
    }

    OpenAiChatModel chatModel(OpenAiChatOptions.Builder options) {
        return OpenAiChatModel.builder()
                .options(options.baseUrl(this.stub.baseUrl())
                        .apiKey("test-key")
                        .model("gpt-4o-mini")
                        .temperature(0.2)
                        .maxRetries(0)
                        .build())
                .observationRegistry(this.observations)
                .build();
    }

    ChatClient chatClient(OpenAiChatModel model) {
        return ChatClient.builder(model, this.observations, null, null)
                .defaultAdvisors(new FirstChunkStreamAdvisor(this.dispatcher))
                .build();
    }

    OpenAiEmbeddingModel embeddingModel() {
        return OpenAiEmbeddingModel.builder()
                .options(OpenAiEmbeddingOptions.builder()
                        .baseUrl(this.stub.baseUrl())
                        .apiKey("test-key")
                        .model("text-embedding-3-small")
                        .maxRetries(0)
                        .build())
                .observationRegistry(this.observations)
                .build();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        this.stub.close();
    }
}
