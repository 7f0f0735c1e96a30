package dev.llamatrace.benchmarks;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * A Spring AI {@link ChatModel} that answers in-process with a fixed answer and usage (11 prompt, 7 completion
 * tokens), observed the way Spring AI's provider models observe a call: a {@code gen_ai.client.operation} observation
 * around {@link #call}, and for {@link #stream} one started before the first chunk, parented on the subscriber's
 * observation and stopped with the aggregated response when the stream completes. Responses are built once, so the
 * benchmarks measure the framework and its instrumentation, not the model.
 */
final class FixedAnswerChatModel implements ChatModel {

    static final String MODEL = "gpt-4o-mini";

    static final String PROVIDER = "openai";

    static final String ANSWER = "The Louvre, in Paris, has held the Mona Lisa since 1797.";

    static final int PROMPT_TOKENS = 11;

    static final int COMPLETION_TOKENS = 7;

    /** Chunks of a streamed answer. */
    static final int CHUNKS = 20;

    private static final DefaultChatModelObservationConvention CONVENTION = new DefaultChatModelObservationConvention();

    private final ObservationRegistry observations;

    private final ChatOptions options = ChatOptions.builder().model(MODEL).build();

    private final ChatResponse response;

    private final ChatResponse[] chunks;

    FixedAnswerChatModel(ObservationRegistry observations) {
        this.observations = observations;
        this.response = response(ANSWER, true);
        List<ChatResponse> chunks = new ArrayList<>(CHUNKS);
        int size = (ANSWER.length() + CHUNKS - 1) / CHUNKS;
        for (int i = 0; i < CHUNKS; i++) {
            String text =
                    ANSWER.substring(Math.min(i * size, ANSWER.length()), Math.min((i + 1) * size, ANSWER.length()));
            chunks.add(response(text, i == CHUNKS - 1));
        }
        this.chunks = chunks.toArray(ChatResponse[]::new);
    }

    private static ChatResponse response(String text, boolean withUsage) {
        ChatResponseMetadata.Builder metadata =
                ChatResponseMetadata.builder().id("fixed").model(MODEL);
        if (withUsage) {
            metadata.usage(new DefaultUsage(PROMPT_TOKENS, COMPLETION_TOKENS));
        }
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text))), metadata.build());
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        ChatModelObservationContext context = ChatModelObservationContext.builder()
                .prompt(prompt)
                .provider(PROVIDER)
                .build();
        return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
                .observation(null, CONVENTION, () -> context, this.observations)
                .observe(() -> {
                    context.setResponse(this.response);
                    return this.response;
                });
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        return Flux.deferContextual((view) -> {
            ChatModelObservationContext context = ChatModelObservationContext.builder()
                    .prompt(prompt)
                    .provider(PROVIDER)
                    .streaming(true)
                    .build();
            Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION.observation(
                    null, CONVENTION, () -> context, this.observations);
            observation
                    .parentObservation(view.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
                    .start();
            Flux<ChatResponse> chunks = Flux.fromArray(this.chunks)
                    .doOnError(observation::error)
                    .doFinally((signal) -> observation.stop())
                    .contextWrite((ctx) -> ctx.put(ObservationThreadLocalAccessor.KEY, observation));
            return new MessageAggregator().aggregate(chunks, context::setResponse);
        });
    }

    @Override
    public ChatOptions getDefaultOptions() {
        return this.options;
    }
}
