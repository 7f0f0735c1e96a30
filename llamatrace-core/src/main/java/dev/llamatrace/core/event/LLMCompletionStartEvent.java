package dev.llamatrace.core.event;

import dev.llamatrace.core.internal.FrozenMap;
import dev.llamatrace.core.llm.ModelInfo;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A completion call to an LLM started. */
public final class LLMCompletionStartEvent extends Event implements ContentEvent, ModelEvent, DescribedEvent {

    private final String prompt;

    private final Map<String, Object> additionalKwargs;

    private final ModelInfo model;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param prompt the prompt
     * @param additionalKwargs extra request arguments
     * @param model the model
     */
    public LLMCompletionStartEvent(String prompt, Map<String, Object> additionalKwargs, ModelInfo model) {
        super();
        this.prompt = prompt;
        this.additionalKwargs = FrozenMap.copyOf(additionalKwargs);
        this.model = model;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param prompt the prompt
     * @param additionalKwargs extra request arguments
     * @param model the model
     */
    public LLMCompletionStartEvent(
            @Nullable String spanId, String prompt, Map<String, Object> additionalKwargs, ModelInfo model) {
        super(spanId);
        this.prompt = prompt;
        this.additionalKwargs = FrozenMap.copyOf(additionalKwargs);
        this.model = model;
    }

    /**
     * Returns the prompt.
     *
     * @return the prompt
     */
    public String prompt() {
        return this.prompt;
    }

    /**
     * Returns extra request arguments.
     *
     * @return extra request arguments
     */
    public Map<String, Object> additionalKwargs() {
        return this.additionalKwargs;
    }

    /**
     * Returns the model.
     *
     * @return the model
     */
    public ModelInfo model() {
        return this.model;
    }

    @Override
    public @Nullable String inputText() {
        return this.prompt;
    }

    @Override
    public boolean textCompletion() {
        return true;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.prompt(this.prompt);
        fields.additionalKwargs(this.additionalKwargs);
        fields.model(this.model);
    }

    @Override
    public EventKind kind() {
        return EventKind.LLM;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.START;
    }
}
