package dev.llamatrace.core.span;

/**
 * The error a span is dropped with when the stream or iterator it covers becomes unreachable before it was exhausted or
 * closed (see {@link Dispatcher#spanStream} and {@link Dispatcher#spanIterator}).
 *
 * <p>It is created on the JVM's cleaner thread, long after the code that abandoned the stream ran, so it carries no
 * stack trace.
 */
public final class AbandonedSpanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error for an abandoned span.
     *
     * @param spanId the id of the abandoned span
     */
    public AbandonedSpanException(String spanId) {
        super(
                "Span " + spanId + " was abandoned: its stream or iterator became unreachable before it was"
                        + " exhausted or closed",
                null,
                false,
                false);
    }
}
