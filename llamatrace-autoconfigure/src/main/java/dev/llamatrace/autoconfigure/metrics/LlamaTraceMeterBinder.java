package dev.llamatrace.autoconfigure.metrics;

import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.HandlerFailures;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Binds the counters llamatrace keeps itself: {@value LlamaTraceMeterNames#HANDLER_ERRORS} from the registry's
 * failure policy, and {@value LlamaTraceMeterNames#EVICTIONS} per bounded handler.
 */
public final class LlamaTraceMeterBinder implements MeterBinder {

    private final DispatcherRegistry dispatchers;

    private final Map<String, EvictionCount> evictions;

    /**
     * Creates the binder.
     *
     * @param dispatchers the registry whose handler failures are counted
     * @param evictions eviction counts by handler name
     */
    public LlamaTraceMeterBinder(DispatcherRegistry dispatchers, Map<String, EvictionCount> evictions) {
        this.dispatchers = dispatchers;
        this.evictions = Map.copyOf(evictions);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(
                        LlamaTraceMeterNames.HANDLER_ERRORS, this.dispatchers.failures(), HandlerFailures::count)
                .description("llamatrace handler failures isolated from the application")
                .register(registry);
        this.evictions.forEach((handler, count) -> evictions(registry, handler, count));
    }

    /**
     * Registers the {@value LlamaTraceMeterNames#EVICTIONS} series of one bounded store, for stores that live outside
     * the built-in handlers (an integration's open invocations).
     *
     * @param registry where the meter is registered
     * @param handler the {@value LlamaTraceMeterNames#TAG_HANDLER} tag value
     * @param count the eviction count
     */
    public static void evictions(MeterRegistry registry, String handler, EvictionCount count) {
        FunctionCounter.builder(LlamaTraceMeterNames.EVICTIONS, count, (value) -> value.count())
                .description("Records evicted or not kept by bounded llamatrace handlers")
                .tag(LlamaTraceMeterNames.TAG_HANDLER, handler)
                .register(registry);
    }

    /** A source of an eviction count, read when the meter is published. */
    @FunctionalInterface
    public interface EvictionCount {

        /**
         * Returns the eviction count so far.
         *
         * @return the count
         */
        long count();

        /**
         * Adapts a getter.
         *
         * @param source the object holding the count
         * @param getter reads the count
         * @param <T> the source type
         * @return the count source
         */
        static <T> EvictionCount of(T source, ToLongFunction<T> getter) {
            return () -> getter.applyAsLong(source);
        }
    }
}
