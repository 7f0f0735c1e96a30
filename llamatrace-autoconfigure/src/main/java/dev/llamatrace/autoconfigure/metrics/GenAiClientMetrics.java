package dev.llamatrace.autoconfigure.metrics;

import dev.llamatrace.autoconfigure.semconv.EventSemantics;
import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.SpanDropEvent;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.span.BoundedOpenMap;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Records {@value LlamaTraceMeterNames#GEN_AI_CLIENT_OPERATION_DURATION} for chat, text completion and embeddings
 * calls, from their start event to the matching end event of the same span (or, for events outside any span, of the
 * same thread). A call whose span is dropped before its end event is recorded with {@code error.type} set to the
 * exception class.
 *
 * <p>Calls in flight are bounded: beyond {@value #MAX_IN_FLIGHT} unmatched starts, the oldest are forgotten (never
 * recorded) and counted in {@link #evictedCount()}, so calls that never end cannot stop new calls from being timed.
 */
public final class GenAiClientMetrics implements EventHandler {

    /** The cap on calls timed at once. */
    public static final int MAX_IN_FLIGHT = 10_000;

    private final MeterRegistry registry;

    private final BoundedOpenMap<InFlight> inFlight = new BoundedOpenMap<>(MAX_IN_FLIGHT, (key, call) -> {});

    private final ConcurrentMap<Tags, Timer> timers = new ConcurrentHashMap<>();

    /**
     * Creates the handler.
     *
     * @param registry where meters are registered
     */
    public GenAiClientMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Event event) {
        if (event instanceof SpanDropEvent drop) {
            InFlight call = this.inFlight.take(drop.spanId());
            if (call != null) {
                record(call, drop.nanoTime(), drop.error().getClass().getName());
            }
            return;
        }
        String operation = EventSemantics.clientOperation(event);
        if (operation != null) {
            ModelInfo model = EventSemantics.model(event);
            this.inFlight.put(key(event), new InFlight(operation, model, event.nanoTime()), event.nanoTime());
            return;
        }
        if (EventSemantics.isClientOperationEnd(event)) {
            InFlight call = this.inFlight.take(key(event));
            if (call != null) {
                record(call, event.nanoTime(), GenAiAttributes.NO_ERROR);
            }
        }
    }

    /**
     * Returns how many calls in flight were forgotten, oldest first, because more than {@value #MAX_IN_FLIGHT} were.
     *
     * @return the count
     */
    public long evictedCount() {
        return this.inFlight.evictedCount();
    }

    private void record(InFlight call, long endNanos, String errorType) {
        ModelInfo model = call.model();
        Tags tags = Tags.of(
                GenAiAttributes.OPERATION_NAME,
                call.operation(),
                GenAiAttributes.PROVIDER_NAME,
                (model != null) ? model.provider() : GenAiAttributes.UNKNOWN,
                GenAiAttributes.REQUEST_MODEL,
                (model != null) ? model.name() : GenAiAttributes.UNKNOWN,
                GenAiAttributes.ERROR_TYPE,
                errorType);
        Timer timer = this.timers.computeIfAbsent(
                tags, (key) -> Timer.builder(LlamaTraceMeterNames.GEN_AI_CLIENT_OPERATION_DURATION)
                        .description("Duration of GenAI client operations (chat, text completion, embeddings)")
                        .tags(key)
                        .register(this.registry));
        timer.record(endNanos - call.startNanos(), TimeUnit.NANOSECONDS);
    }

    private static String key(Event event) {
        String spanId = event.spanId();
        return (spanId != null) ? spanId : "thread-" + Thread.currentThread().getId();
    }

    private record InFlight(String operation, @Nullable ModelInfo model, long startNanos) {}
}
