package dev.llamatrace.autoconfigure.context;

import dev.llamatrace.core.context.TraceContext;
import io.micrometer.context.ThreadLocalAccessor;

/**
 * Lets Micrometer context-propagation carry llamatrace's per-thread context (the active span, tags and open callback events) wherever it
 * carries thread-locals: Spring's {@code ContextPropagatingTaskDecorator} for {@code @Async} and task executors,
 * {@code ContextSnapshot} wrappers, and Reactor with automatic context propagation.
 *
 * <p>Registered through {@code META-INF/services/io.micrometer.context.ThreadLocalAccessor}, so
 * {@code ContextRegistry.getInstance()} finds it without any Spring bean.
 */
public final class LlamaTraceThreadLocalAccessor implements ThreadLocalAccessor<TraceContext.Snapshot> {

    /** The key of llamatrace's context in context snapshots and in the Reactor context. */
    public static final String KEY = "llamatrace";

    /** Creates the accessor; context-propagation instantiates it through the service loader. */
    public LlamaTraceThreadLocalAccessor() {}

    @Override
    public Object key() {
        return KEY;
    }

    /**
     * Returns the current context, {@link TraceContext.Snapshot#EMPTY} when nothing is active. "Nothing active" is
     * captured as a value rather than skipped: context-propagation leaves a key that a snapshot lacks untouched when it
     * restores the snapshot (unless its factory clears missing keys), so a task captured with no span would otherwise
     * run with whatever an earlier task left on the pooled thread.
     *
     * @return the captured span, tags and callback state
     */
    @Override
    public TraceContext.Snapshot getValue() {
        return TraceContext.capture();
    }

    @Override
    public void setValue(TraceContext.Snapshot value) {
        TraceContext.set(value);
    }

    @Override
    public void setValue() {
        TraceContext.clear();
    }
}
