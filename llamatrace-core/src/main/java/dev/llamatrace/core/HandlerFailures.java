package dev.llamatrace.core;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The failure policy for handlers: a handler that throws never breaks the caller and never stops the other handlers.
 *
 * <p>Each failure is counted; the first failure of each handler class is logged at WARNING, later ones at DEBUG.
 * JVM-fatal errors ({@link VirtualMachineError}) and deliberate vetoes ({@link HandlerVetoException}) are rethrown.
 */
public final class HandlerFailures {

    private static final System.Logger LOGGER = System.getLogger(HandlerFailures.class.getName());

    private final LongAdder count = new LongAdder();

    private final Set<Class<?>> warned = ConcurrentHashMap.newKeySet();

    /**
     * Records a failure of {@code handler}, rethrowing it if it must not be swallowed.
     *
     * @param handler the handler that threw
     * @param operation what the handler was doing, for the log
     * @param failure what it threw
     */
    public void record(Object handler, String operation, Throwable failure) {
        if (failure instanceof VirtualMachineError error) {
            throw error;
        }
        if (failure instanceof HandlerVetoException veto) {
            throw veto;
        }
        this.count.increment();
        Level level = this.warned.add(handler.getClass()) ? Level.WARNING : Level.DEBUG;
        if (LOGGER.isLoggable(level)) {
            LOGGER.log(
                    level,
                    "llamatrace handler " + handler.getClass().getName() + " failed in " + operation
                            + "; it is isolated and the application continues"
                            + (level == Level.WARNING ? " (further failures of this handler are logged at DEBUG)" : ""),
                    failure);
        }
    }

    /**
     * Returns how many handler failures were isolated so far.
     *
     * @return the failure count
     */
    public long count() {
        return this.count.sum();
    }
}
