package dev.llamatrace.core.handler;

import dev.llamatrace.core.HandlerVetoException;

/**
 * Thrown when an LLM call starts while the LLM tokens counted so far exceed the configured budget of a
 * {@link TokenCountingHandler}. This is the one handler failure that deliberately reaches the application: it
 * propagates from the dispatch of the LLM start event (and from {@code CallbackManager.onEventStart}), so the call is
 * refused before it is made. {@link TokenCountingHandler#reset()} clears the counts and lets calls start again.
 */
public final class TokenBudgetExceededException extends HandlerVetoException {

    private static final long serialVersionUID = 1L;

    /** The budget, in LLM tokens. */
    private final long limit;

    /** The LLM tokens counted when the call was refused. */
    private final long current;

    /**
     * Creates the exception.
     *
     * @param limit the budget
     * @param current the LLM tokens counted so far
     */
    public TokenBudgetExceededException(long limit, long current) {
        super("Token budget exceeded: limit " + limit + " tokens, current " + current + " tokens");
        this.limit = limit;
        this.current = current;
    }

    /**
     * Returns the budget.
     *
     * @return the limit in tokens
     */
    public long limit() {
        return this.limit;
    }

    /**
     * Returns the LLM tokens counted when the call was refused.
     *
     * @return the current count
     */
    public long current() {
        return this.current;
    }
}
