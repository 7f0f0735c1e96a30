package dev.llamatrace.autoconfigure;

import dev.llamatrace.core.handler.AsyncHandler;

/** The one name an {@link AsyncHandler} bean's drops go by, in {@code llamatrace.evictions} and in the endpoint. */
public final class AsyncHandlers {

    private AsyncHandlers() {}

    /**
     * Returns the name of a wrapper's drop count.
     *
     * @param handler the wrapper
     * @return {@code AsyncHandler.<simple class name of the wrapped handler>}
     */
    public static String name(AsyncHandler handler) {
        return "AsyncHandler." + handler.delegate().getClass().getSimpleName();
    }
}
