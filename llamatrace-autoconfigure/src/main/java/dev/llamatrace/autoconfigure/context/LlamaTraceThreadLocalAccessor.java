package dev.llamatrace.autoconfigure.context;

import dev.llamatrace.core.context.TraceContext;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Lets Micrometer context-propagation carry llamatrace's per-thread context (the active span and tags) wherever it
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
     * Returns the current context, or {@code null} when there is none, so snapshots skip it.
     *
     * @return the captured span and tags
     */
    @Override
    public TraceContext.@Nullable Snapshot getValue() {
        TraceContext.Snapshot snapshot = TraceContext.capture();
        return (snapshot.span() == null && snapshot.tags().isEmpty()) ? null : snapshot;
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
