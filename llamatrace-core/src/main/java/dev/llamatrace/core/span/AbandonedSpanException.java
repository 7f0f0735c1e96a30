package dev.llamatrace.core.span;

/**
 * The error a span is dropped with when it is given up on: the stream or iterator it covers became unreachable before
 * it was exhausted or closed (see {@code Dispatcher.spanStream} and {@code Dispatcher.spanIterator}), or a span handler
 * evicted it as one of its oldest open spans at its open-span cap ({@link #evicted}), or it was still open when its
 * dispatcher shut down ({@link #shutdown}).
 *
 * <p>It is created long after the code that abandoned the span ran (on the JVM's cleaner thread, or on the thread
 * entering a newer span), so it carries no stack trace.
 */
public final class AbandonedSpanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error for an abandoned span.
     *
     * @param spanId the id of the abandoned span
     */
    public AbandonedSpanException(String spanId) {
        this(
                "Span " + spanId + " was abandoned: its stream or iterator became unreachable before it was"
                        + " exhausted or closed",
                0);
    }

    private AbandonedSpanException(String message, int unused) {
        super(message, null, false, false);
    }

    /**
     * Creates the error for a span evicted as one of the oldest open spans of a handler.
     *
     * @param spanId the id of the evicted span
     * @param maxOpenSpans the handler's cap on open spans
     * @return the error
     */
    public static AbandonedSpanException evicted(String spanId, int maxOpenSpans) {
        return new AbandonedSpanException(
                "Span " + spanId + " was abandoned: it was among the oldest open spans when more than " + maxOpenSpans
                        + " were open, so it was evicted to keep tracking new spans",
                0);
    }

    /**
     * Creates the error the spans still open at {@code Dispatcher.shutdown()} are dropped with; its message is
     * LlamaIndex's, {@code dispatcher shutdown}.
     *
     * @return the error
     */
    public static AbandonedSpanException shutdown() {
        return new AbandonedSpanException("dispatcher shutdown", 0);
    }
}
