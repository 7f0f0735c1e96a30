package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.event.LLMChatInProgressEvent;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Links one streamed model call seen by {@link FirstChunkStreamAdvisor} to the LLM span the chat model handler
 * entered for it, and dispatches the first-chunk event once. The advisor stores the probe in its own observation's
 * context; the chat model handler finds it there by walking up the observation tree.
 */
final class FirstChunkProbe {

    private volatile @Nullable Attached attached;

    private boolean fired;

    /** Called by the chat model handler when the streamed call starts; only the first call under the probe counts. */
    void attach(@Nullable String spanId, long startNanos, @Nullable Prompt prompt) {
        if (this.attached == null) {
            this.attached = new Attached(spanId, startNanos, prompt);
        }
    }

    /** Called for every chunk, serially (Reactor's {@code onNext} contract). */
    void onChunk(ChatClientResponse response, Dispatcher dispatcher) {
        if (this.fired) {
            return;
        }
        Attached attached = this.attached;
        if (attached == null) {
            return;
        }
        org.springframework.ai.chat.model.ChatResponse chatResponse = response.chatResponse();
        Generation generation = (chatResponse != null) ? chatResponse.getResult() : null;
        AssistantMessage output = (generation != null) ? generation.getOutput() : null;
        if (output == null || !hasOutput(output)) {
            return;
        }
        this.fired = true;
        long elapsed = System.nanoTime() - attached.startNanos();
        dispatcher.event(() -> {
            ChatMessage message = SpringAiPayloads.assistant(output);
            ChatResponse chunk = new ChatResponse(
                    message,
                    message.content(),
                    Map.of(),
                    Map.of(FirstChunkStreamAdvisor.TIME_TO_FIRST_CHUNK_NANOS, elapsed));
            return new LLMChatInProgressEvent(attached.spanId(), SpringAiPayloads.messages(attached.prompt()), chunk);
        });
    }

    private static boolean hasOutput(AssistantMessage output) {
        String text = output.getText();
        return (text != null && !text.isEmpty()) || output.hasToolCalls();
    }

    private record Attached(@Nullable String spanId, long startNanos, @Nullable Prompt prompt) {}
}
