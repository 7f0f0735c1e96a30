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
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
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

    private final BoundedOpenMap<InFlight> inFlight = new BoundedOpenMap<>(MAX_IN_FLIGHT, (key, call) -> {});

    private final MeterSeries<Timer> clientDurations;

    private final MeterSeries<Timer> firstChunks;

    private final MeterSeries<Timer> agentDurations;

    private final MeterSeries<Timer> toolDurations;

    private final ErrorTypes errorTypes = new ErrorTypes();

    /**
     * Creates the handler.
     *
     * @param registry where meters are registered
     */
    public GenAiClientMetrics(MeterRegistry registry) {
        List<String> client =
                List.of(GenAiAttributes.OPERATION_NAME, GenAiAttributes.PROVIDER_NAME, GenAiAttributes.REQUEST_MODEL);
        this.clientDurations = series(registry, GenAiMeter.CLIENT_OPERATION_DURATION, withErrorType(client));
        this.firstChunks = series(registry, GenAiMeter.CLIENT_TIME_TO_FIRST_CHUNK, client);
        this.agentDurations = series(
                registry,
                GenAiMeter.INVOKE_AGENT_DURATION,
                List.of(GenAiAttributes.OPERATION_NAME, GenAiAttributes.AGENT_NAME, GenAiAttributes.ERROR_TYPE));
        this.toolDurations = series(
                registry,
                GenAiMeter.EXECUTE_TOOL_DURATION,
                withErrorType(
                        List.of(GenAiAttributes.OPERATION_NAME, GenAiAttributes.TOOL_NAME, GenAiAttributes.TOOL_TYPE)));
    }

    private static List<String> withErrorType(List<String> keys) {
        List<String> all = new ArrayList<>(keys);
        all.add(GenAiAttributes.ERROR_TYPE);
        return all;
    }

    private static MeterSeries<Timer> series(MeterRegistry registry, GenAiMeter meter, List<String> keys) {
        return new MeterSeries<>(keys, (tags) -> Timer.builder(meter.meterName())
                .description(meter.description())
                .tags(tags)
                .register(registry));
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
                this.firstChunks.get(call.values).record(event.nanoTime() - call.startNanos, TimeUnit.NANOSECONDS);
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

    private @Nullable InFlight started(Event event) {
        String client = EventSemantics.clientOperation(event);
        if (client != null) {
            ModelInfo model = EventSemantics.model(event);
            MeterSeries.Values values = MeterSeries.Values.of(
                    client,
                    (model != null) ? model.provider() : GenAiAttributes.UNKNOWN,
                    (model != null) ? model.name() : GenAiAttributes.UNKNOWN);
            return new InFlight(this.clientDurations, event.kind(), values, event.nanoTime());
        }
        if (event.phase() != EventPhase.START) {
            return null;
        }
        if (event instanceof AgentRunStepStartEvent step) {
            String agent = (step.step() != null) ? step.step() : GenAiAttributes.UNKNOWN;
            MeterSeries.Values values = MeterSeries.Values.of(GenAiAttributes.OPERATION_INVOKE_AGENT, agent);
            return new InFlight(this.agentDurations, EventKind.AGENT_STEP, values, event.nanoTime());
        }
        if (event instanceof ToolEvent tool && event.kind() == EventKind.FUNCTION_CALL) {
            MeterSeries.Values values = MeterSeries.Values.of(
                    GenAiAttributes.OPERATION_EXECUTE_TOOL, tool.tool().name(), GenAiAttributes.TOOL_TYPE_FUNCTION);
            return new InFlight(this.toolDurations, EventKind.FUNCTION_CALL, values, event.nanoTime());
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
        call.series.get(call.values, errorType).record(endNanos - call.startNanos, TimeUnit.NANOSECONDS);
    }

    private static String key(Event event) {
        String spanId = event.spanId();
        return (spanId != null) ? spanId : "thread-" + Thread.currentThread().getId();
    }

    /**
     * An operation being timed.
     *
     * @param series the meter it is recorded in
     * @param kind the kind of its start event, which its end event shares
     * @param values its tag values but {@code error.type}
     * @param startNanos when it started
     */
    private static final class InFlight {

        final MeterSeries<Timer> series;

        final @Nullable EventKind kind;

        final MeterSeries.Values values;

        final long startNanos;

        final AtomicBoolean firstChunk = new AtomicBoolean();

        InFlight(MeterSeries<Timer> series, @Nullable EventKind kind, MeterSeries.Values values, long startNanos) {
            this.series = series;
            this.kind = kind;
            this.values = values;
            this.startNanos = startNanos;
        }
    }
}
