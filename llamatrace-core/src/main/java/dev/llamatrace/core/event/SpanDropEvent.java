package dev.llamatrace.core.event;

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
        this.errorMessage = String.valueOf(error);
    }

    /**
     * Returns the error rendered as text ({@code err_str} upstream).
     *
     * @return the error's {@code toString()}
     */
    public String errorMessage() {
        return this.errorMessage;
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
