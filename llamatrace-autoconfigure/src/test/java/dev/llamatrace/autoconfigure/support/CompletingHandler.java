package dev.llamatrace.autoconfigure.support;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.concurrent.CompletableFuture;

/** A LangChain4j streaming handler that ignores partial responses and completes a future with the whole answer. */
public final class CompletingHandler implements StreamingChatResponseHandler {

    private final CompletableFuture<ChatResponse> done;

    private CompletingHandler(CompletableFuture<ChatResponse> done) {
        this.done = done;
    }

    /**
     * Creates a handler completing a future.
     *
     * @param done completed with the response, or exceptionally with the stream's error
     * @return the handler
     */
    public static StreamingChatResponseHandler completing(CompletableFuture<ChatResponse> done) {
        return new CompletingHandler(done);
    }

    @Override
    public void onPartialResponse(String partialResponse) {}

    @Override
    public void onCompleteResponse(ChatResponse response) {
        this.done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
        this.done.completeExceptionally(error);
    }
}
