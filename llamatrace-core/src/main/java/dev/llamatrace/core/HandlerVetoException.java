package dev.llamatrace.core;

/**
 * Thrown by a handler that deliberately refuses the operation being instrumented.
 *
 * <p>This is the one exception to the rule that handlers never break the application: a veto thrown while a span is
 * entered or an event is dispatched reaches the caller. Every other handler failure is isolated and counted by
 * {@link HandlerFailures}. The built-in use is the token budget of the token-counting handler.
 */
public class HandlerVetoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a veto.
     *
     * @param message why the operation is refused
     */
    public HandlerVetoException(String message) {
        super(message);
    }
}
