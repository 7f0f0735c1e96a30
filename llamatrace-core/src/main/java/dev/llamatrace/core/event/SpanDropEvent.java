package dev.llamatrace.core.event;

import java.util.Objects;

/** Dispatched when a span ends abnormally, just before span handlers are told to drop it. */
public final class SpanDropEvent extends Event {

    private final String errorMessage;

    private final Throwable error;

    /**
     * Creates the event for a dropped span.
     *
     * @param spanId the dropped span
     * @param error why it was dropped
     */
    public SpanDropEvent(String spanId, Throwable error) {
        super(spanId);
        this.error = error;
        this.errorMessage = errorText(error);
    }

    /**
     * Returns the text LlamaIndex keeps for an error, {@code str(err)}: its message, without the class name.
     *
     * @param error an error
     * @return its message, or an empty string when it has none
     */
    public static String errorText(Throwable error) {
        return Objects.requireNonNullElse(error.getMessage(), "");
    }

    /**
     * Returns the error message ({@code err_str} upstream); the class is {@link #errorType()}.
     *
     * @return the message, empty when the error has none
     */
    public String errorMessage() {
        return this.errorMessage;
    }

    /**
     * Returns the fully qualified class name of the error, as OpenTelemetry's {@code error.type} has it.
     *
     * @return the class name
     */
    public String errorType() {
        return this.error.getClass().getName();
    }

    /**
     * Returns the error that ended the span.
     *
     * @return the error
     */
    public Throwable error() {
        return this.error;
    }
}
