package dev.llamatrace.core.handler;

import dev.llamatrace.core.HandlerVetoException;
import java.math.BigDecimal;

/**
 * Thrown when an LLM call starts while the cost counted so far exceeds the cost budget of a
 * {@link TokenCountingHandler}: the cost counterpart of {@link TokenBudgetExceededException}, with the same semantics.
 * It propagates from the dispatch of the LLM start event (and from {@code CallbackManager.onEventStart}), so the call is
 * refused before it is made; {@link TokenCountingHandler#reset()} clears the costs and lets calls start again. Only
 * costs in the budget's currency count towards it.
 */
public final class CostBudgetExceededException extends HandlerVetoException {

    private static final long serialVersionUID = 1L;

    /** The budget. */
    private final BigDecimal limit;

    /** The cost counted when the call was refused. */
    private final BigDecimal current;

    /** The currency of both. */
    private final String currency;

    /**
     * Creates the exception.
     *
     * @param limit the budget
     * @param current the cost counted so far
     * @param currency the currency of both
     */
    public CostBudgetExceededException(BigDecimal limit, BigDecimal current, String currency) {
        super("Cost budget exceeded: limit " + limit.toPlainString() + " " + currency + ", current "
                + current.toPlainString() + " " + currency);
        this.limit = limit;
        this.current = current;
        this.currency = currency;
    }

    /**
     * Returns the budget.
     *
     * @return the limit, in {@link #currency()}
     */
    public BigDecimal limit() {
        return this.limit;
    }

    /**
     * Returns the cost counted when the call was refused.
     *
     * @return the current cost, in {@link #currency()}
     */
    public BigDecimal current() {
        return this.current;
    }

    /**
     * Returns the currency of the budget.
     *
     * @return the ISO 4217 code
     */
    public String currency() {
        return this.currency;
    }
}
