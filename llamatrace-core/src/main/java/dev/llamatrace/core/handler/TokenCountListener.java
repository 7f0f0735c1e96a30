package dev.llamatrace.core.handler;

/**
 * Told about every count a {@link TokenCountingHandler} records, after its totals include it; e.g. to record meters
 * from exactly the counted values, fallback counts included, without counting a second time. Called on the thread that
 * ended the operation; must be thread-safe and fast. A listener that throws is logged and skipped.
 */
@FunctionalInterface
public interface TokenCountListener {

    /**
     * Receives one count.
     *
     * @param event the count; an LLM call or one embedded chunk
     */
    void onTokenCount(TokenCountingEvent event);
}
