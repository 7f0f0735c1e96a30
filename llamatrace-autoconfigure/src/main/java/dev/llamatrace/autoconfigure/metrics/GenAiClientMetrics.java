package dev.llamatrace.autoconfigure.metrics;

import dev.llamatrace.autoconfigure.semconv.EventSemantics;
import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import dev.llamatrace.core.event.AgentRunStepStartEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.SpanDropEvent;
import dev.llamatrace.core.event.ToolEvent;
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
 * Records the GenAI operation durations, each from its start event to the matching end event of the same span (or,
 * for events outside any span, of the same thread): {@link GenAiMeter#CLIENT_OPERATION_DURATION} for chat, text
 * completion and embeddings calls, {@link GenAiMeter#INVOKE_AGENT_DURATION} for agent steps (tagged with
 * {@code gen_ai.agent.name}) and {@link GenAiMeter#EXECUTE_TOOL_DURATION} for tool calls (tagged with
 * {@code gen_ai.tool.name} and {@code gen_ai.tool.type}); and {@link GenAiMeter#CLIENT_TIME_TO_FIRST_CHUNK} for
 * streamed calls, from the start to their first in-progress event. An operation whose span is dropped before its end
 * event is recorded with {@code error.type} set to the exception class (low-cardinality: see {@link ErrorTypes}); one
 * that succeeded with {@code error.type} {@value GenAiAttributes#NO_ERROR}, so that every series of a meter has the
 * same tag keys. The buckets come from {@link GenAiMeterFilter}.
 *
 * <p>Operations in flight are bounded: beyond {@value #MAX_IN_FLIGHT} unmatched starts, the oldest are forgotten
 * (never recorded) and counted in {@link #evictedCount()}, so operations that never end cannot stop new ones from being
 * timed.
 */
public final class GenAiClientMetrics implements EventHandler {

    /** The cap on operations timed at once. */
    public static final int MAX_IN_FLIGHT = 10_000;

    private final MeterRegistry registry;

    private final BoundedOpenMap<InFlight> inFlight = new BoundedOpenMap<>(MAX_IN_FLIGHT, (key, call) -> {});

    private final ConcurrentMap<Tags, Timer> timers = new ConcurrentHashMap<>();

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
                record(call, drop.nanoTime(), this.errorTypes.of(drop.error()));
            }
            return;
        }
        InFlight started = started(event);
        if (started != null) {
            this.inFlight.put(key(event), started, event.nanoTime());
            return;
        }
        if (event.kind() == EventKind.LLM && event.phase() == EventPhase.IN_PROGRESS) {
            InFlight call = this.inFlight.get(key(event));
            if (call != null && call.firstChunk.compareAndSet(false, true)) {
                timer(this.firstChunks, GenAiMeter.CLIENT_TIME_TO_FIRST_CHUNK, call.tags)
                        .record(event.nanoTime() - call.startNanos, TimeUnit.NANOSECONDS);
            }
            return;
        }
        EventKind ended = endedKind(event);
        if (ended != null) {
            // Only the end of the same kind of operation ends it (without spans, nested operations share a key).
            this.inFlight.end(key(event), (call) -> {
                if (call.kind != ended) {
                    return false;
                }
                record(call, event.nanoTime(), GenAiAttributes.NO_ERROR);
                return true;
            });
        }
    }

    /**
     * Returns how many operations in flight were forgotten, oldest first, because more than {@value #MAX_IN_FLIGHT}
     * were.
     *
     * @return the count
     */
    public long evictedCount() {
        return this.inFlight.evictedCount();
    }

    private static @Nullable InFlight started(Event event) {
        String client = EventSemantics.clientOperation(event);
        if (client != null) {
            ModelInfo model = EventSemantics.model(event);
            Tags tags = Tags.of(
                    GenAiAttributes.OPERATION_NAME,
                    client,
                    GenAiAttributes.PROVIDER_NAME,
                    (model != null) ? model.provider() : GenAiAttributes.UNKNOWN,
                    GenAiAttributes.REQUEST_MODEL,
                    (model != null) ? model.name() : GenAiAttributes.UNKNOWN);
            return new InFlight(GenAiMeter.CLIENT_OPERATION_DURATION, event.kind(), tags, event.nanoTime());
        }
        if (event.phase() != EventPhase.START) {
            return null;
        }
        if (event instanceof AgentRunStepStartEvent step) {
            String agent = (step.step() != null) ? step.step() : GenAiAttributes.UNKNOWN;
            Tags tags = Tags.of(
                    GenAiAttributes.OPERATION_NAME,
                    GenAiAttributes.OPERATION_INVOKE_AGENT,
                    GenAiAttributes.AGENT_NAME,
                    agent);
            return new InFlight(GenAiMeter.INVOKE_AGENT_DURATION, EventKind.AGENT_STEP, tags, event.nanoTime());
        }
        if (event instanceof ToolEvent tool && event.kind() == EventKind.FUNCTION_CALL) {
            Tags tags = Tags.of(
                    GenAiAttributes.OPERATION_NAME,
                    GenAiAttributes.OPERATION_EXECUTE_TOOL,
                    GenAiAttributes.TOOL_NAME,
                    tool.tool().name(),
                    GenAiAttributes.TOOL_TYPE,
                    GenAiAttributes.TOOL_TYPE_FUNCTION);
            return new InFlight(GenAiMeter.EXECUTE_TOOL_DURATION, EventKind.FUNCTION_CALL, tags, event.nanoTime());
        }
        return null;
    }

    private static @Nullable EventKind endedKind(Event event) {
        if (event.phase() != EventPhase.END) {
            return null;
        }
        EventKind kind = event.kind();
        boolean timed = EventSemantics.isClientOperationEnd(event)
                || kind == EventKind.AGENT_STEP
                || kind == EventKind.FUNCTION_CALL;
        return timed ? kind : null;
    }

    private void record(InFlight call, long endNanos, String errorType) {
        Tags tags = call.tags.and(GenAiAttributes.ERROR_TYPE, errorType);
        timer(this.timers, call.meter, tags).record(endNanos - call.startNanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(ConcurrentMap<Tags, Timer> timers, GenAiMeter meter, Tags tags) {
        return timers.computeIfAbsent(tags, (key) -> Timer.builder(meter.meterName())
                .description(meter.description())
                .tags(key)
                .register(this.registry));
    }

    private static String key(Event event) {
        String spanId = event.spanId();
        return (spanId != null) ? spanId : "thread-" + Thread.currentThread().getId();
    }

    /**
     * An operation being timed.
     *
     * @param meter the meter it is recorded in
     * @param kind the kind of its start event, which its end event shares
     * @param tags its tags but {@code error.type}
     * @param startNanos when it started
     */
    private static final class InFlight {

        final GenAiMeter meter;

        final @Nullable EventKind kind;

        final Tags tags;

        final long startNanos;

        final AtomicBoolean firstChunk = new AtomicBoolean();

        InFlight(GenAiMeter meter, @Nullable EventKind kind, Tags tags, long startNanos) {
            this.meter = meter;
            this.kind = kind;
            this.tags = tags;
            this.startNanos = startNanos;
        }
    }
}
