package dev.llamatrace.benchmarks;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.SpanCallable;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.StreamChatDeltaReceivedEvent;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One event dispatched, the per-chunk work of a streamed chat: a {@link StreamChatDeltaReceivedEvent} handed to
 * {@link StreamStatsHandler}. The baselines are Micrometer's {@code Observation.event} with
 * {@link DefaultMeterObservationHandler} (a counter per event name) and an OpenTelemetry SDK span with one
 * {@code addEvent} (subtract {@code SpanBenchmarks.otelSdk_startEnd} for the event's share).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class EventBenchmarks {

    static final String DELTA = "Hello";

    StreamStatsHandler handler;

    Dispatcher oneHandler;

    Dispatcher noHandlers;

    private Supplier<Event> deltaEvent;

    DurationByNameHandler durations;

    Dispatcher spansAndEvents;

    private final Object result = new Object();

    private SpanCallable<Object, RuntimeException> spanWithEventBody;

    SimpleMeterRegistry meterRegistry;

    private Observation openObservation;

    private Observation.Event observationEvent;

    CountingSpanExporter exporter;

    private SdkTracerProvider tracerProvider;

    private Tracer sdkTracer;

    /** Builds every library's pipeline once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        DispatcherRegistry withHandler = new DispatcherRegistry();
        this.handler = new StreamStatsHandler();
        withHandler.root().addEventHandler(this.handler);
        this.oneHandler = withHandler.get("dev.llamatrace.benchmarks.chat");
        this.noHandlers = new DispatcherRegistry().get("dev.llamatrace.benchmarks.chat");
        this.deltaEvent = () -> new StreamChatDeltaReceivedEvent(DELTA);
        DispatcherRegistry withAll = new DispatcherRegistry();
        this.durations = new DurationByNameHandler();
        withAll.root().addSpanHandler(this.durations);
        withAll.root().addSpanHandler(new OutcomeCountingHandler());
        withAll.root().addEventHandler(this.handler);
        this.spansAndEvents = withAll.get("dev.llamatrace.benchmarks.chat");
        this.spanWithEventBody = () -> {
            this.spansAndEvents.event(new StreamChatDeltaReceivedEvent(DELTA));
            return this.result;
        };

        this.meterRegistry = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meterRegistry));
        this.openObservation = Observation.start("chat.stream", observations);
        this.observationEvent = Observation.Event.of("chat.delta");

        this.exporter = new CountingSpanExporter();
        this.tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
                .build();
        this.sdkTracer = this.tracerProvider.get("dev.llamatrace.benchmarks");
    }

    /** Stops the open observation and releases the tracer provider. */
    @TearDown(Level.Trial)
    public void tearDown() {
        this.openObservation.stop();
        this.tracerProvider.close();
    }

    /** One delta event, one event handler. */
    @Benchmark
    public void llamatrace_event_1handler() {
        this.oneHandler.event(new StreamChatDeltaReceivedEvent(DELTA));
    }

    /** No event handler; the event is built only if someone listens ({@code event(Supplier)}). */
    @Benchmark
    public void llamatrace_eventSupplier_0handlers() {
        this.noHandlers.event(this.deltaEvent);
    }

    /** No event handler, but the caller builds the event anyway (id and clock reading included). */
    @Benchmark
    public void llamatrace_eventEager_0handlers() {
        this.noHandlers.event(new StreamChatDeltaReceivedEvent(DELTA));
    }

    /** {@link #llamatrace_event_1handler()} on two threads sharing the dispatcher and handler. */
    @Benchmark
    @Threads(2)
    public void llamatrace_event_1handler_t2() {
        this.oneHandler.event(new StreamChatDeltaReceivedEvent(DELTA));
    }

    /**
     * A span (two span handlers) whose body dispatches one event (one event handler); the event is stamped with the
     * span's id. Compare with {@link #otelSdk_spanWithOneEvent()}.
     *
     * @return the body's result
     */
    @Benchmark
    public Object llamatrace_spanWithOneEvent() {
        return this.spansAndEvents.span("chat.stream", this.spanWithEventBody);
    }

    /** {@code Observation.event} on a started observation with {@link DefaultMeterObservationHandler}. */
    @Benchmark
    public void micrometerMeter_event() {
        this.openObservation.event(this.observationEvent);
    }

    /**
     * OpenTelemetry SDK span with one {@code addEvent}, exported to a counting exporter.
     *
     * @return the ended span
     */
    @Benchmark
    public Span otelSdk_spanWithOneEvent() {
        Span span = this.sdkTracer.spanBuilder("chat.stream").startSpan();
        span.addEvent("chat.delta");
        span.end();
        return span;
    }
}
