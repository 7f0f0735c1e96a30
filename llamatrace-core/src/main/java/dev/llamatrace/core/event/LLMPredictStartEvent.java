package dev.llamatrace.core.event;

import dev.llamatrace.core.internal.FrozenMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A prompt template is about to be formatted and sent to an LLM. */
public final class LLMPredictStartEvent extends Event implements ContentEvent, DescribedEvent {

    private final String template;

    private final Map<String, Object> templateArgs;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param template the prompt template
     * @param templateArgs the template variables
     */
    public LLMPredictStartEvent(String template, Map<String, Object> templateArgs) {
        super();
        this.template = template;
        this.templateArgs = FrozenMap.copyOf(templateArgs);
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param template the prompt template
     * @param templateArgs the template variables
     */
    public LLMPredictStartEvent(@Nullable String spanId, String template, Map<String, Object> templateArgs) {
        super(spanId);
        this.template = template;
        this.templateArgs = FrozenMap.copyOf(templateArgs);
    }

    /**
     * Returns the prompt template.
     *
     * @return the prompt template
     */
    public String template() {
        return this.template;
    }

    /**
     * Returns the template variables.
     *
     * @return the template variables
     */
    public Map<String, Object> templateArgs() {
        return this.templateArgs;
    }

    @Override
    public @Nullable String inputText() {
        return this.template;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.template(this.template, this.templateArgs);
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
