package dev.llamatrace.autoconfigure.metrics;

import dev.llamatrace.autoconfigure.semconv.EventSemantics;
import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.SpanDropEvent;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.span.BoundedOpenMap;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Records {@value GenAiMeter#CLIENT_OPERATION_DURATION_NAME} for chat, text completion and embeddings calls, from
 * their start event to the matching end event of the same span (or, for events outside any span, of the same thread),
 * and {@value GenAiMeter#CLIENT_TIME_TO_FIRST_CHUNK_NAME} for streamed calls, from the start to their first
 * in-progress event. A call whose span is dropped before its end event is recorded with {@code error.type} set to the
 * exception class (low-cardinality: see {@link ErrorTypes}); a call that succeeded with {@code error.type}
 * {@value GenAiAttributes#NO_ERROR}, so that every series of the meter has the same tag keys. The bucket boundaries
 * come from {@link GenAiMeterFilter}.
 *
 * <p>Calls in flight are bounded: beyond {@value #MAX_IN_FLIGHT} unmatched starts, the oldest are forgotten (never
 * recorded) and counted in {@link #evictedCount()}, so calls that never end cannot stop new calls from being timed.
 */
public final class GenAiClientMetrics implements EventHandler {

    /** The cap on calls timed at once. */
    public static final int MAX_IN_FLIGHT = 10_000;

    private final MeterRegistry registry;

    private final BoundedOpenMap<InFlight> inFlight = new BoundedOpenMap<>(MAX_IN_FLIGHT, (key, call) -> {});

    private final ConcurrentMap<Tags, Timer> durations = new ConcurrentHashMap<>();

    private final ConcurrentMap<Tags, Timer> firstChunks = new ConcurrentHashMap<>();

    private final ErrorTypes errorTypes = new ErrorTypes();

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
                recordDuration(call, drop.nanoTime(), this.errorTypes.of(drop.error()));
            }
            return;
        }
        String operation = EventSemantics.clientOperation(event);
        if (operation != null) {
            ModelInfo model = EventSemantics.model(event);
            this.inFlight.put(key(event), new InFlight(operation, model, event.nanoTime()), event.nanoTime());
            return;
        }
        if (event.kind() == EventKind.LLM && event.phase() == EventPhase.IN_PROGRESS) {
            InFlight call = this.inFlight.get(key(event));
            if (call != null && call.firstChunk.compareAndSet(false, true)) {
                record(GenAiMeter.CLIENT_TIME_TO_FIRST_CHUNK, this.firstChunks, tags(call), event.nanoTime(), call);
            }
            return;
        }
        if (EventSemantics.isClientOperationEnd(event)) {
            InFlight call = this.inFlight.take(key(event));
            if (call != null) {
                recordDuration(call, event.nanoTime(), GenAiAttributes.NO_ERROR);
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

    private void recordDuration(InFlight call, long endNanos, String errorType) {
        Tags tags = tags(call).and(GenAiAttributes.ERROR_TYPE, errorType);
        record(GenAiMeter.CLIENT_OPERATION_DURATION, this.durations, tags, endNanos, call);
    }

    private void record(GenAiMeter meter, ConcurrentMap<Tags, Timer> timers, Tags tags, long endNanos, InFlight call) {
        Timer timer = timers.computeIfAbsent(tags, (key) -> Timer.builder(meter.meterName())
                .description(meter.description())
                .tags(key)
                .register(this.registry));
        timer.record(endNanos - call.startNanos, TimeUnit.NANOSECONDS);
    }

    private static Tags tags(InFlight call) {
        ModelInfo model = call.model;
        return Tags.of(
                GenAiAttributes.OPERATION_NAME,
                call.operation,
                GenAiAttributes.PROVIDER_NAME,
                (model != null) ? model.provider() : GenAiAttributes.UNKNOWN,
                GenAiAttributes.REQUEST_MODEL,
                (model != null) ? model.name() : GenAiAttributes.UNKNOWN);
    }

    private static String key(Event event) {
        String spanId = event.spanId();
        return (spanId != null) ? spanId : "thread-" + Thread.currentThread().getId();
    }

    /** A call started and not ended; whether its first chunk was seen. */
    private static final class InFlight {

        final String operation;

        final @Nullable ModelInfo model;

        final long startNanos;

        final AtomicBoolean firstChunk = new AtomicBoolean();

        InFlight(String operation, @Nullable ModelInfo model, long startNanos) {
            this.operation = operation;
            this.model = model;
            this.startNanos = startNanos;
        }
    }
}
