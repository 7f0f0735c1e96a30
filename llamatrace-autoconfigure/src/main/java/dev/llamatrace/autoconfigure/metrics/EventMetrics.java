package dev.llamatrace.autoconfigure.metrics;

import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.span.SpanNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts {@value LlamaTraceMeterNames#EVENTS} by event class; one cached counter per class. */
public final class EventMetrics implements EventHandler {

    private final MeterRegistry registry;

    private final ClassValue<Counter> counters = new ClassValue<>() {
        @Override
        protected Counter computeValue(Class<?> type) {
            return Counter.builder(LlamaTraceMeterNames.EVENTS)
                    .description("llamatrace events dispatched")
                    .tag(LlamaTraceMeterNames.TAG_EVENT_TYPE, SpanNames.simpleName(type))
                    .register(EventMetrics.this.registry);
        }
    };

    /**
     * Creates the handler.
     *
     * @param registry where meters are registered
     */
    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Event event) {
        this.counters.get(event.getClass()).increment();
    }
}
