package dev.llamatrace.core.callback;

/**
 * An open trace for a try-with-resources block; closing it ends the trace once. Report an exception escaping the block
 * with {@link #onException}, or use {@link CallbackManager#trace}, which does it for you.
 */
public final class TraceScope implements AutoCloseable {

    private final CallbackManager manager;

    private final String traceId;

    private boolean closed;

    TraceScope(CallbackManager manager, String traceId) {
        this.manager = manager;
        this.traceId = traceId;
    }

    /**
     * Returns the trace id.
     *
     * @return the id
     */
    public String traceId() {
        return this.traceId;
    }

    /**
     * Reports an exception that escapes the trace as an {@link CBEventType#EXCEPTION} event start (as LlamaIndex does:
     * the event has no end), unless an inner event already reported it or it is not an {@link Exception}.
     *
     * @param error what the block threw
     */
    public void onException(Throwable error) {
        if (!this.closed && error instanceof Exception && this.manager.markReported(error)) {
            this.manager.reportException(error);
        }
    }

    /** Ends the trace, unless already ended. */
    @Override
    public void close() {
        if (!this.closed) {
            this.closed = true;
            this.manager.endTrace(this.traceId);
        }
    }
}
