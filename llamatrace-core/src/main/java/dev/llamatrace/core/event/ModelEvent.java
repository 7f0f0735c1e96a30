package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.ModelInfo;

/** The start of a call to a model (chat, completion, embedding): it names the model, for meters, spans and counts. */
public interface ModelEvent {

    /**
     * Returns the model called.
     *
     * @return the model
     */
    ModelInfo model();

    /**
     * Returns whether the call is a text completion (a prompt in, a text out) rather than a chat or an embedding.
     *
     * @return {@code false} unless overridden
     */
    default boolean textCompletion() {
        return false;
    }
}
