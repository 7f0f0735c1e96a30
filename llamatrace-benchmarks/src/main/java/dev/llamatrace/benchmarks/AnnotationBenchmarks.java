package dev.llamatrace.benchmarks;

import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import dev.llamatrace.autoconfigure.aop.LlamaSpanAdvisor;
import dev.llamatrace.autoconfigure.aop.LlamaSpanAspect;
import dev.llamatrace.autoconfigure.metrics.EventMetrics;
import dev.llamatrace.autoconfigure.metrics.GenAiClientMetrics;
import dev.llamatrace.autoconfigure.metrics.LlamaTraceMeterBinder;
import dev.llamatrace.autoconfigure.metrics.SpanMetrics;
import dev.llamatrace.autoconfigure.metrics.TokenUsageMetrics;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CallbackEventHandler;
import dev.llamatrace.core.callback.CallbackHandler;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.TokenCountPublisher;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.annotation.Observed;
import io.micrometer.observation.aop.ObservedAspect;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;
import org.springframework.aop.framework.ProxyFactory;

/**
 * One call of an annotated service method through a Spring AOP proxy, as an application gets it: {@code @LlamaSpan}
 * with {@link LlamaSpanAspect} against {@code @Observed} with Micrometer's {@link ObservedAspect}, and the plain call
 * without proxy as the floor.
 *
 * <p>The llamatrace side is wired as the auto-configuration wires it with its defaults: on the root dispatcher of a
 * {@link DispatcherRegistry}, the {@link TokenCountPublisher} and {@link TokenCountingHandler} (event handlers),
 * {@link LlamaDebugHandler} (through a {@link CallbackEventHandler}), {@link SimpleSpanHandler} (span and event
 * handler), and the meters {@link SpanMetrics}, {@link EventMetrics}, {@link GenAiClientMetrics} and
 * {@link TokenUsageMetrics} on a {@link SimpleMeterRegistry}, plus the {@link LlamaTraceMeterBinder} counters; arguments are
 * not captured (the default). The Micrometer side is an {@link ObservationRegistry} with
 * {@link DefaultMeterObservationHandler} on its own {@link SimpleMeterRegistry}. Both proxies are class-based (CGLIB),
 * Spring Boot's default.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class AnnotationBenchmarks {

    static final String QUESTION = "Which Paris museum holds the Mona Lisa?";

    static final String ANSWER = "The Louvre.";

    /** The {@code @Observed} name, which becomes the timer name. */
    static final String OBSERVATION_NAME = "chat.answer";

    DispatcherRegistry registry;

    SimpleSpanHandler spans;

    TokenCountingHandler tokenCounting;

    LlamaDebugHandler debug;

    SimpleMeterRegistry llamatraceMeters;

    SimpleMeterRegistry micrometerMeters;

    LlamaSpanService plain;

    LlamaSpanService llamaSpanProxy;

    ObservedService observedProxy;

    /** Wires both pipelines and builds both proxies once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        this.registry = new DispatcherRegistry();
        this.llamatraceMeters = new SimpleMeterRegistry();
        this.tokenCounting = TokenCountingHandler.create();
        this.debug = LlamaDebugHandler.create();
        this.spans = new SimpleSpanHandler(1_000, SimpleSpanHandler.DEFAULT_MAX_EVENTS_PER_SPAN);
        GenAiClientMetrics genAiClientMetrics = new GenAiClientMetrics(this.llamatraceMeters);
        TokenUsageMetrics tokenUsageMetrics = new TokenUsageMetrics(this.llamatraceMeters);
        Dispatcher root = this.registry.root();
        attach(root, new TokenCountPublisher(root));
        attach(root, this.tokenCounting);
        attach(root, this.debug);
        attach(root, this.spans);
        attach(root, new SpanMetrics(this.llamatraceMeters));
        attach(root, new EventMetrics(this.llamatraceMeters));
        attach(root, genAiClientMetrics);
        attach(root, tokenUsageMetrics);
        Map<String, LlamaTraceMeterBinder.EvictionCount> evictions = new LinkedHashMap<>();
        evictions.put(
                "GenAiClientMetrics",
                LlamaTraceMeterBinder.EvictionCount.of(genAiClientMetrics, GenAiClientMetrics::evictedCount));
        evictions.put(
                "TokenCountingHandler",
                LlamaTraceMeterBinder.EvictionCount.of(this.tokenCounting, TokenCountingHandler::evictedEvents));
        evictions.put(
                "LlamaDebugHandler.events",
                LlamaTraceMeterBinder.EvictionCount.of(this.debug, LlamaDebugHandler::evictedEvents));
        evictions.put(
                "LlamaDebugHandler.traces",
                LlamaTraceMeterBinder.EvictionCount.of(this.debug, LlamaDebugHandler::evictedTraces));
        evictions.put(
                "SimpleSpanHandler",
                LlamaTraceMeterBinder.EvictionCount.of(this.spans, SimpleSpanHandler::evictionCount));
        evictions.put(
                "SimpleSpanHandler.open",
                LlamaTraceMeterBinder.EvictionCount.of(this.spans, SimpleSpanHandler::evictedOpenSpanCount));
        new LlamaTraceMeterBinder(this.registry, evictions).bindTo(this.llamatraceMeters);

        this.plain = new LlamaSpanService();
        ProxyFactory llamaSpanFactory = new ProxyFactory(new LlamaSpanService());
        llamaSpanFactory.setProxyTargetClass(true);
        llamaSpanFactory.addAdvisor(new LlamaSpanAdvisor(new LlamaSpanAspect(this.registry, false)));
        this.llamaSpanProxy = (LlamaSpanService) llamaSpanFactory.getProxy();

        this.micrometerMeters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.micrometerMeters));
        AspectJProxyFactory observedFactory = new AspectJProxyFactory(new ObservedService());
        observedFactory.setProxyTargetClass(true);
        observedFactory.addAspect(new ObservedAspect(observations));
        this.observedProxy = observedFactory.getProxy();
    }

    /**
     * Attaches a handler bean the way the auto-configuration's registrar does: as event handler, span handler, or
     * through a {@link CallbackEventHandler} when it is only a callback handler.
     */
    private static void attach(Dispatcher dispatcher, Object handler) {
        if (handler instanceof EventHandler eventHandler) {
            dispatcher.addEventHandler(eventHandler);
        }
        if (handler instanceof SpanHandler<?> spanHandler) {
            dispatcher.addSpanHandler(spanHandler);
        }
        if (handler instanceof CallbackHandler callbackHandler && !(handler instanceof EventHandler)) {
            dispatcher.addEventHandler(new CallbackEventHandler(callbackHandler));
        }
    }

    /**
     * The {@code @LlamaSpan} method through the proxy: a span with the default handlers and meters.
     *
     * @return the answer
     */
    @Benchmark
    public String llamatrace_llamaSpan() {
        return this.llamaSpanProxy.answer(QUESTION);
    }

    /**
     * The {@code @Observed} method through the proxy: an observation timed by the meter handler.
     *
     * @return the answer
     */
    @Benchmark
    public String micrometer_observed() {
        return this.observedProxy.answer(QUESTION);
    }

    /**
     * The same method called on the plain object: no proxy, no instrumentation.
     *
     * @return the answer
     */
    @Benchmark
    public String plain_call() {
        return this.plain.answer(QUESTION);
    }

    /** A service with a {@code @LlamaSpan} method; not final, so that a class-based proxy can extend it. */
    public static class LlamaSpanService {

        /**
         * Answers a question.
         *
         * @param question the question
         * @return the answer
         */
        @LlamaSpan
        public String answer(String question) {
            return question.isEmpty() ? "" : ANSWER;
        }
    }

    /** The same service with an {@code @Observed} method; not final, so that a class-based proxy can extend it. */
    public static class ObservedService {

        /**
         * Answers a question.
         *
         * @param question the question
         * @return the answer
         */
        @Observed(name = OBSERVATION_NAME)
        public String answer(String question) {
            return question.isEmpty() ? "" : ANSWER;
        }
    }
}
