package dev.llamatrace.core.event;

/**
 * Receives the events dispatched on a dispatcher and, unless a dispatcher on the way stops propagation, on its
 * descendants.
 *
 * <p>Handlers run synchronously on the thread that dispatched the event. A handler that throws is isolated: the
 * exception is counted and logged, the other handlers still run, and the application never sees it.
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Handles one event.
     *
     * @param event the event; shared with the other handlers, do not modify it
     */
    void handle(Event event);
}
