package dev.llamatrace.core.callback;

/**
 * Work run inside a callback event by {@link CallbackManager#inEvent}.
 *
 * @param <T> the result type
 * @param <E> the exception type the work may throw
 */
@FunctionalInterface
public interface EventBody<T, E extends Throwable> {

    /**
     * Runs the work.
     *
     * @param event the open event; call {@link EventContext#onEnd} to set the end payload
     * @return the result
     * @throws E when the work fails
     */
    T run(EventContext event) throws E;
}
