package dev.llamatrace.core.event;

import dev.llamatrace.core.context.TraceContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of evaluating a response: an evaluation's name, a numeric score and/or a label, an explanation and the
 * id of the response evaluated (the OpenTelemetry GenAI {@code gen_ai.evaluation.result} event). Dispatch it inside
 * the span it evaluates, or against that span by id while the span is still open:
 *
 * <pre>{@code
 * dispatcher.event(EvaluationEvent.named("relevance").score(0.82).label("relevant").build());
 * dispatcher.event(EvaluationEvent.named("faithfulness").score(0.4).forSpan(answerSpanId).build());
 * }</pre>
 *
 * <p>Scores are meant to lie in 0..1 (the bounds of the score histogram's buckets); others are kept as given. The
 * explanation is content: consumers keep and show it only with content capture on. Subclass it to carry more, as any
 * event.
 */
public class EvaluationEvent extends Event {

    private final String name;

    private final @Nullable Double score;

    private final @Nullable String label;

    private final @Nullable String explanation;

    private final @Nullable String responseId;

    private final @Nullable String className;

    /**
     * Creates a result stamped with the active span.
     *
     * @param name the evaluation, e.g. {@code relevance}; low-cardinality (it tags the score meter)
     * @param score the score, or {@code null} when the evaluation gives a label only
     * @param label the label, e.g. {@code relevant}, or {@code null} when it gives a score only
     * @param explanation why, or {@code null}
     * @param responseId the id of the response evaluated ({@code gen_ai.response.id}), or {@code null}
     * @throws IllegalArgumentException when the name is blank or neither a score nor a label is given
     */
    public EvaluationEvent(
            String name,
            @Nullable Double score,
            @Nullable String label,
            @Nullable String explanation,
            @Nullable String responseId) {
        this(TraceContext.currentSpanId(), name, score, label, explanation, responseId);
    }

    /**
     * Creates a result stamped with an explicit span: the one it evaluates.
     *
     * @param spanId the span evaluated, or {@code null} for none
     * @param name the evaluation; low-cardinality
     * @param score the score, or {@code null}
     * @param label the label, or {@code null}
     * @param explanation why, or {@code null}
     * @param responseId the id of the response evaluated, or {@code null}
     * @throws IllegalArgumentException when the name is blank or neither a score nor a label is given
     */
    public EvaluationEvent(
            @Nullable String spanId,
            String name,
            @Nullable Double score,
            @Nullable String label,
            @Nullable String explanation,
            @Nullable String responseId) {
        super(spanId);
        this.name = checked(name, score, label);
        this.score = score;
        this.label = label;
        this.explanation = explanation;
        this.responseId = responseId;
        this.className = null;
    }

    /** A stand-in for {@code original} with another explanation, keeping its identity and class name. */
    private EvaluationEvent(EvaluationEvent original, @Nullable String explanation) {
        super(original);
        this.name = original.name;
        this.score = original.score;
        this.label = original.label;
        this.explanation = explanation;
        this.responseId = original.responseId;
        this.className = original.className();
    }

    /**
     * Starts a result of an evaluation.
     *
     * @param name the evaluation, e.g. {@code relevance}; low-cardinality
     * @return a builder
     */
    public static Builder named(String name) {
        return new Builder(name);
    }

    private static String checked(String name, @Nullable Double score, @Nullable String label) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An evaluation needs a name");
        }
        if (score == null && label == null) {
            throw new IllegalArgumentException("Evaluation '" + name + "' needs a score, a label or both");
        }
        return name;
    }

    /**
     * Returns the evaluation's name.
     *
     * @return the name
     */
    public final String name() {
        return this.name;
    }

    /**
     * Returns the score.
     *
     * @return the score, or {@code null} when the evaluation gave a label only
     */
    public final @Nullable Double score() {
        return this.score;
    }

    /**
     * Returns the label.
     *
     * @return the label, or {@code null} when the evaluation gave a score only
     */
    public final @Nullable String label() {
        return this.label;
    }

    /**
     * Returns the explanation; content.
     *
     * @return the explanation, or {@code null}
     */
    public final @Nullable String explanation() {
        return this.explanation;
    }

    /**
     * Returns the id of the response evaluated.
     *
     * @return the response id, or {@code null}
     */
    public final @Nullable String responseId() {
        return this.responseId;
    }

    /**
     * Returns a copy to keep instead of this event: the same result, identity and class name, with {@code explanation}
     * (what may be kept of this one's: cut, redacted, or none with content capture off) and nothing else a subclass
     * carries.
     *
     * @param explanation the explanation to keep, or {@code null}
     * @return the copy
     */
    public final EvaluationEvent kept(@Nullable String explanation) {
        return new EvaluationEvent(this, explanation);
    }

    @Override
    public String className() {
        return (this.className != null) ? this.className : super.className();
    }

    /** Builds an {@link EvaluationEvent}. */
    public static final class Builder {

        private final String name;

        private @Nullable Double score;

        private @Nullable String label;

        private @Nullable String explanation;

        private @Nullable String responseId;

        private @Nullable String spanId;

        private boolean explicitSpan;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets the score.
         *
         * @param score the score, meant to lie in 0..1
         * @return this builder
         */
        public Builder score(double score) {
            this.score = score;
            return this;
        }

        /**
         * Sets the label.
         *
         * @param label the label, e.g. {@code relevant}
         * @return this builder
         */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /**
         * Sets the explanation.
         *
         * @param explanation why; content
         * @return this builder
         */
        public Builder explanation(String explanation) {
            this.explanation = explanation;
            return this;
        }

        /**
         * Sets the id of the response evaluated.
         *
         * @param responseId the provider's response id ({@code gen_ai.response.id})
         * @return this builder
         */
        public Builder responseId(String responseId) {
            this.responseId = responseId;
            return this;
        }

        /**
         * Stamps the result with the span it evaluates instead of the active span.
         *
         * @param spanId the span evaluated
         * @return this builder
         */
        public Builder forSpan(String spanId) {
            this.spanId = spanId;
            this.explicitSpan = true;
            return this;
        }

        /**
         * Builds the event, stamped now (with the active span unless {@link #forSpan} was given).
         *
         * @return the event
         * @throws IllegalArgumentException when the name is blank or neither a score nor a label was given
         */
        public EvaluationEvent build() {
            String spanId = this.explicitSpan ? this.spanId : TraceContext.currentSpanId();
            return new EvaluationEvent(spanId, this.name, this.score, this.label, this.explanation, this.responseId);
        }
    }
}
