package dev.llamatrace.core.event;

import dev.llamatrace.core.internal.FrozenMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A structured prediction (output parsed into a type) started. */
public final class LLMStructuredPredictStartEvent extends Event implements DescribedEvent {

    private final String outputClass;

    private final String template;

    private final Map<String, Object> templateArgs;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param outputClass the name of the type the output is parsed into
     * @param template the prompt template
     * @param templateArgs the template variables
     */
    public LLMStructuredPredictStartEvent(String outputClass, String template, Map<String, Object> templateArgs) {
        super();
        this.outputClass = outputClass;
        this.template = template;
        this.templateArgs = FrozenMap.copyOf(templateArgs);
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param outputClass the name of the type the output is parsed into
     * @param template the prompt template
     * @param templateArgs the template variables
     */
    public LLMStructuredPredictStartEvent(
            @Nullable String spanId, String outputClass, String template, Map<String, Object> templateArgs) {
        super(spanId);
        this.outputClass = outputClass;
        this.template = template;
        this.templateArgs = FrozenMap.copyOf(templateArgs);
    }

    /**
     * Returns the name of the type the output is parsed into.
     *
     * @return the name of the type the output is parsed into
     */
    public String outputClass() {
        return this.outputClass;
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
