package dev.llamatrace.benchmarks;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.SpanCallable;
import dev.llamatrace.core.SpanScope;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One span entered and ended, llamatrace next to the OpenTelemetry SDK and Micrometer Observation.
 *
 * <p>llamatrace spans go through a dispatcher below the root; the two span handlers
 * ({@link DurationByNameHandler}, {@link OutcomeCountingHandler}) sit on the root, as an application's handlers
 * would. OpenTelemetry records through a {@link SimpleSpanProcessor} into a {@link CountingSpanExporter}; Micrometer
 * observes through {@link DefaultMeterObservationHandler} into a {@link SimpleMeterRegistry}. The state is shared by
 * all threads, so the {@code _t2} variants measure two threads using the same handlers, tracer and registry.
 * Methods are prefixed by library so that JMH lists them side by side.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class SpanBenchmarks {

    static final String SPAN_NAME = "Retriever.retrieve";

    static final String CHILD_NAME = "Embedding.embed";

    private final Object result = new Object();

    DurationByNameHandler durations;

    OutcomeCountingHandler outcomes;

    Dispatcher twoHandlers;

    Dispatcher noHandlers;

    Dispatcher twoEmptyHandlers;

    private SpanCallable<Object, RuntimeException> body;

    private SpanCallable<Object, RuntimeException> nestedBody;

    CountingSpanExporter exporter;

    private SdkTracerProvider tracerProvider;

    private Tracer sdkTracer;

    private Tracer noopTracer;

    SimpleMeterRegistry meterRegistry;

    private ObservationRegistry meterObservations;

    private Supplier<Object> observedBody;

    private Supplier<Object> nestedObservedBody;

    /** Builds every library's pipeline once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        DispatcherRegistry withHandlers = new DispatcherRegistry();
        this.durations = new DurationByNameHandler();
        this.outcomes = new OutcomeCountingHandler();
        withHandlers.root().addSpanHandler(this.durations);
        withHandlers.root().addSpanHandler(this.outcomes);
        this.twoHandlers = withHandlers.get("dev.llamatrace.benchmarks.rag");
        this.noHandlers = new DispatcherRegistry().get("dev.llamatrace.benchmarks.rag");
        DispatcherRegistry withEmptyHandlers = new DispatcherRegistry();
        withEmptyHandlers.root().addSpanHandler(new EmptySpanHandler());
        withEmptyHandlers.root().addSpanHandler(new OtherEmptySpanHandler());
        this.twoEmptyHandlers = withEmptyHandlers.get("dev.llamatrace.benchmarks.rag");
        this.body = () -> this.result;
        this.nestedBody = () -> this.twoHandlers.span(CHILD_NAME, this.body);

        this.exporter = new CountingSpanExporter();
        this.tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
                .build();
        this.sdkTracer = this.tracerProvider.get("dev.llamatrace.benchmarks");
        this.noopTracer = OpenTelemetry.noop().getTracer("dev.llamatrace.benchmarks");

        this.meterRegistry = new SimpleMeterRegistry();
        this.meterObservations = ObservationRegistry.create();
        this.meterObservations
                .observationConfig()
                .observationHandler(new DefaultMeterObservationHandler(this.meterRegistry));
        this.observedBody = () -> this.result;
        this.nestedObservedBody = () ->
                Observation.createNotStarted(CHILD_NAME, this.meterObservations).observe(this.observedBody);
    }

    /** Releases the tracer provider. */
    @TearDown(Level.Trial)
    public void tearDown() {
        this.tracerProvider.close();
    }

    // llamatrace

    /**
     * {@code span(name, body)} with two span handlers: enter, make current, run, restore, exit.
     *
     * @return the body's result
     */
    @Benchmark
    public Object llamatrace_span_2handlers() {
        return this.twoHandlers.span(SPAN_NAME, this.body);
    }

    /**
     * The try-with-resources form with two span handlers.
     *
     * @return the result set on the scope
     */
    @Benchmark
    public Object llamatrace_enterScope_2handlers() {
        try (SpanScope scope = this.twoHandlers.enter(SPAN_NAME)) {
            scope.setResult(this.result);
        }
        return this.result;
    }

    /**
     * A parent span whose body runs a child span, two handlers: two spans.
     *
     * @return the child's result
     */
    @Benchmark
    public Object llamatrace_nested_2handlers() {
        return this.twoHandlers.span(SPAN_NAME, this.nestedBody);
    }

    /**
     * {@code span(name, body)} with two handlers that do nothing: the dispatcher's own cost, to hold against the
     * hand-written floor in the performance anchors.
     *
     * @return the body's result
     */
    @Benchmark
    public Object llamatrace_span_2emptyHandlers() {
        return this.twoEmptyHandlers.span(SPAN_NAME, this.body);
    }

    /**
     * {@code span(name, body)} with no span handler anywhere on the chain.
     *
     * @return the body's result
     */
    @Benchmark
    public Object llamatrace_span_0handlers() {
        return this.noHandlers.span(SPAN_NAME, this.body);
    }

    /**
     * The try-with-resources form with no span handler.
     *
     * @return the result set on the scope
     */
    @Benchmark
    public Object llamatrace_enterScope_0handlers() {
        try (SpanScope scope = this.noHandlers.enter(SPAN_NAME)) {
            scope.setResult(this.result);
        }
        return this.result;
    }

    /**
     * {@link #llamatrace_span_2handlers()} on two threads sharing the dispatcher and handlers.
     *
     * @return the body's result
     */
    @Benchmark
    @Threads(2)
    public Object llamatrace_span_2handlers_t2() {
        return this.twoHandlers.span(SPAN_NAME, this.body);
    }

    // OpenTelemetry

    /**
     * SDK span start and end, exported through {@link SimpleSpanProcessor} to a counting exporter.
     *
     * @return the ended span
     */
    @Benchmark
    public Span otelSdk_startEnd() {
        Span span = this.sdkTracer.spanBuilder(SPAN_NAME).startSpan();
        span.end();
        return span;
    }

    /**
     * SDK span made current around the work, the equivalent of llamatrace's {@code span(name, body)}.
     *
     * @return the ended span
     */
    @Benchmark
    public Span otelSdk_startCurrentEnd() {
        Span span = this.sdkTracer.spanBuilder(SPAN_NAME).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return span;
        } finally {
            span.end();
        }
    }

    /**
     * SDK parent made current, child started and ended inside it: two spans.
     *
     * @param blackhole receives the child
     * @return the parent
     */
    @Benchmark
    public Span otelSdk_nested(Blackhole blackhole) {
        Span parent = this.sdkTracer.spanBuilder(SPAN_NAME).startSpan();
        try (Scope scope = parent.makeCurrent()) {
            Span child = this.sdkTracer.spanBuilder(CHILD_NAME).startSpan();
            child.end();
            blackhole.consume(child);
        } finally {
            parent.end();
        }
        return parent;
    }

    /**
     * The OpenTelemetry no-op API (what the SDK hands out with no span processor).
     *
     * @return the span
     */
    @Benchmark
    public Span otelNoop_startEnd() {
        Span span = this.noopTracer.spanBuilder(SPAN_NAME).startSpan();
        span.end();
        return span;
    }

    /**
     * {@link #otelSdk_startEnd()} on two threads sharing the tracer, processor and exporter.
     *
     * @return the ended span
     */
    @Benchmark
    @Threads(2)
    public Span otelSdk_startEnd_t2() {
        Span span = this.sdkTracer.spanBuilder(SPAN_NAME).startSpan();
        span.end();
        return span;
    }

    // Micrometer

    /**
     * Observation start and stop with {@link DefaultMeterObservationHandler}.
     *
     * @return the stopped observation
     */
    @Benchmark
    public Observation micrometerMeter_startStop() {
        Observation observation = Observation.start(SPAN_NAME, this.meterObservations);
        observation.stop();
        return observation;
    }

    /**
     * {@code observe(supplier)}: start, open scope, run, close scope, stop; the equivalent of llamatrace's
     * {@code span(name, body)}.
     *
     * @return the supplier's result
     */
    @Benchmark
    public Object micrometerMeter_observe() {
        return Observation.createNotStarted(SPAN_NAME, this.meterObservations).observe(this.observedBody);
    }

    /**
     * A parent observation whose body observes a child: two observations.
     *
     * @return the child's result
     */
    @Benchmark
    public Object micrometerMeter_nested() {
        return Observation.createNotStarted(SPAN_NAME, this.meterObservations).observe(this.nestedObservedBody);
    }

    /**
     * Observation start and stop on {@link ObservationRegistry#NOOP}.
     *
     * @return the observation
     */
    @Benchmark
    public Observation micrometerNoop_startStop() {
        Observation observation = Observation.start(SPAN_NAME, ObservationRegistry.NOOP);
        observation.stop();
        return observation;
    }

    /**
     * {@link #micrometerMeter_startStop()} on two threads sharing the registry.
     *
     * @return the stopped observation
     */
    @Benchmark
    @Threads(2)
    public Observation micrometerMeter_startStop_t2() {
        Observation observation = Observation.start(SPAN_NAME, this.meterObservations);
        observation.stop();
        return observation;
    }

    /** A span handler that ignores every span. */
    private static class EmptySpanHandler implements SpanHandler<dev.llamatrace.core.span.Span> {

        @Override
        public void spanEnter(SpanInvocation span) {}

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {}

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {}
    }

    /** A second class, so that the handler call sites see two receiver types as with the real handlers. */
    private static final class OtherEmptySpanHandler extends EmptySpanHandler {}
}
