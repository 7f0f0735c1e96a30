package dev.llamatrace.autoconfigure.metrics;

import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Records {@value LlamaTraceMeterNames#SPAN_DURATION} by span name and outcome and {@value
 * LlamaTraceMeterNames#SPANS_ACTIVE}. Timers are cached per name, so a span costs a map lookup, not a meter lookup.
 */
public final class SpanMetrics implements SpanHandler<Span> {

    private final MeterRegistry registry;

    private final ConcurrentMap<String, Timer> successTimers = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, Timer> errorTimers = new ConcurrentHashMap<>();

    private final AtomicLong active = new AtomicLong();

    /**
     * Creates the handler and registers the active-span gauge.
     *
     * @param registry where meters are registered
     */
    public SpanMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(LlamaTraceMeterNames.SPANS_ACTIVE, this.active, AtomicLong::get)
                .description("llamatrace spans open now")
                .register(registry);
    }

    @Override
    public void spanEnter(SpanInvocation span) {
        this.active.incrementAndGet();
    }

    @Override
    public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
        end(span, endNanos, this.successTimers, LlamaTraceMeterNames.OUTCOME_SUCCESS);
    }

    @Override
    public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
        end(span, endNanos, this.errorTimers, LlamaTraceMeterNames.OUTCOME_ERROR);
    }

    private void end(SpanInvocation span, long endNanos, ConcurrentMap<String, Timer> timers, String outcome) {
        // A span entered before this handler was attached never incremented the gauge; do not let it go negative.
        this.active.getAndUpdate((value) -> Math.max(0, value - 1));
        timer(span.name(), timers, outcome).record(endNanos - span.startNanos(), TimeUnit.NANOSECONDS);
    }

    private Timer timer(String name, ConcurrentMap<String, Timer> timers, String outcome) {
        Timer timer = timers.get(name);
        if (timer != null) {
            return timer;
        }
        String tagValue =
                (timers.size() < LlamaTraceMeterNames.MAX_SPAN_NAMES) ? name : LlamaTraceMeterNames.OTHER_SPAN_NAME;
        return timers.computeIfAbsent(tagValue, (key) -> Timer.builder(LlamaTraceMeterNames.SPAN_DURATION)
                .description("Duration of llamatrace spans")
                .tag(LlamaTraceMeterNames.TAG_SPAN_NAME, key)
                .tag(LlamaTraceMeterNames.TAG_OUTCOME, outcome)
                .register(this.registry));
    }
}
