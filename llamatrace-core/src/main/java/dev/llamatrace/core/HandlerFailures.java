package dev.llamatrace.core;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The failure policy for handlers: a handler that throws never breaks the caller and never stops the other handlers.
 *
 * <p>Every failure is counted; the first failure of each handler class is logged at WARNING, later ones at DEBUG. A
 * deliberate veto ({@link HandlerVetoException}) at the start of work is rethrown at once and not counted.
 *
 * <p>The fatal set is {@link #isFatal decided here}: {@link OutOfMemoryError}, {@link InternalError},
 * {@link UnknownError} and {@code ThreadDeath} mean the JVM or the thread cannot go on, so the dispatcher rethrows them
 * to the caller, but only after it counted the failure, ran the remaining handlers and ended what it started (no span
 * stays open, the thread's context is restored). Everything else is isolated, {@link StackOverflowError} included (the
 * stack has unwound to the dispatcher by the time it is caught, so the thread is fine; a handler recursing too deep is
 * a handler bug) and {@link LinkageError} too (a handler built against a missing library is a broken handler, not a
 * broken application).
 */
public final class HandlerFailures {

    private static final System.Logger LOGGER = System.getLogger(HandlerFailures.class.getName());

    private final LongAdder count = new LongAdder();

    private final Set<Class<?>> warned = ConcurrentHashMap.newKeySet();

    /**
     * Returns whether a failure must reach the caller once the dispatcher has finished the operation.
     *
     * @param failure what a handler threw
     * @return {@code true} for {@link OutOfMemoryError}, {@link InternalError}, {@link UnknownError} and
     *     {@code ThreadDeath}
     */
    public static boolean isFatal(Throwable failure) {
        return (failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError))
                || "java.lang.ThreadDeath".equals(failure.getClass().getName());
    }

    /**
     * Records a failure of {@code handler} and rethrows it at once if it must not be swallowed (a veto or a fatal
     * error). Dispatchers use {@link #isolate} instead, to finish the other handlers first.
     *
     * @param handler the handler that threw
     * @param operation what the handler was doing, for the log
     * @param failure what it threw
     */
    public void record(Object handler, String operation, Throwable failure) {
        if (failure instanceof HandlerVetoException veto) {
            throw veto;
        }
        Error fatal = isolate(handler, operation, failure, null);
        if (fatal != null) {
            throw fatal;
        }
    }

    /**
     * Counts and logs a failure of {@code handler}, never throwing, and tells the caller what to rethrow once it has
     * run the remaining handlers and ended what it started.
     *
     * @param handler the handler that threw
     * @param operation what the handler was doing, for the log
     * @param failure what it threw
     * @param pending the fatal error an earlier handler of the same operation threw, or {@code null}
     * @return {@code pending} if set, else {@code failure} when {@linkplain #isFatal fatal}, else {@code null}
     */
    public @Nullable Error isolate(Object handler, String operation, Throwable failure, @Nullable Error pending) {
        this.count.increment();
        try {
            log(handler, operation, failure);
        } catch (Throwable ignored) {
            // Logging can fail when memory or stack is short; the count above still tells the story.
        }
        if (pending == null && isFatal(failure)) {
            return (Error) failure;
        }
        return pending;
    }

    private void log(Object handler, String operation, Throwable failure) {
        Level level = this.warned.add(handler.getClass()) ? Level.WARNING : Level.DEBUG;
        if (LOGGER.isLoggable(level)) {
            LOGGER.log(
                    level,
                    "llamatrace handler " + handler.getClass().getName() + " failed in " + operation
                            + (isFatal(failure)
                                    ? "; the error is fatal and reaches the application once the other handlers ran"
                                    : "; it is isolated and the application continues")
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
