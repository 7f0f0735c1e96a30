package dev.llamatrace.autoconfigure;

import dev.llamatrace.core.handler.TokenCountListener;
import dev.llamatrace.core.handler.TokenCountingHandler;

/**
 * Keeps a {@link TokenCountListener} registered on a {@link TokenCountingHandler} for the life of a bean: registered on
 * creation, removed on {@link #close()} (called by the context on shutdown).
 */
public final class TokenCountListenerRegistration implements AutoCloseable {

    private final TokenCountingHandler handler;

    private final TokenCountListener listener;

    /**
     * Registers the listener.
     *
     * @param handler the token counting handler
     * @param listener the listener to register
     */
    public TokenCountListenerRegistration(TokenCountingHandler handler, TokenCountListener listener) {
        this.handler = handler;
        this.listener = listener;
        handler.addListener(listener);
    }

    /**
     * Returns the registered listener.
     *
     * @return the listener
     */
    public TokenCountListener listener() {
        return this.listener;
    }

    /** Removes the listener. */
    @Override
    public void close() {
        this.handler.removeListener(this.listener);
    }
}
