package dev.llamatrace.autoconfigure.langchain4j;

import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.Recorder;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An {@link OpenAiStub} for the LangChain4j OpenAI clients and the adapter's dispatcher, with a {@link Recorder} on
 * the root. Register it per test with {@code @RegisterExtension}; the stub stops after each test.
 */
final class LangChain4jFixture implements AfterEachCallback {

    final OpenAiStub stub = OpenAiStub.start();

    final DispatcherRegistry registry = new DispatcherRegistry();

    final Dispatcher dispatcher = this.registry.get("dev.llamatrace.autoconfigure.langchain4j");

    final Recorder recorder = new Recorder();

    LangChain4jFixture() {
        this.registry.root().addEventHandler(this.recorder);
        this.registry.root().addSpanHandler(this.recorder);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        this.stub.close();
    }
}
