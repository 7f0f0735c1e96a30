package dev.llamatrace.benchmarks.soak;

import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CallbackEventHandler;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.handler.AsyncHandler;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.UsageKeys;
import dev.llamatrace.core.span.AbstractSpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The soak and fault suite: the concurrency, retention-in-bytes, abandoned-span, pooled-context and async-handler
 * checks of the reliability work, each printing its figures so that a regression shows as a number. {@link Scale#SMOKE}
 * runs in the build's tests in seconds; run bigger scales on demand:
 *
 * <pre>
 * ./mvnw -B -q -pl llamatrace-benchmarks -am test -Dtest=SoakSuiteTests -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dllamatrace.soak.scale=full
 * </pre>
 */
public final class SoakSuite {

    /** The property choosing the scale: {@code smoke} (default) or {@code full}. */
    public static final String SCALE_PROPERTY = "llamatrace.soak.scale";

    /** A prompt as long as the retention check's: 32,000 characters. */
    public static final int PROMPT_LENGTH = 32_000;

    private SoakSuite() {}

    /**
     * Runs every check at the scale named by {@value #SCALE_PROPERTY} and prints the figures.
     *
     * @param args ignored
     * @throws Exception when a check cannot run
     */
    public static void main(String[] args) throws Exception {
        run(Scale.fromSystemProperty());
    }

    /**
     * Runs every check and prints the figures.
     *
     * @param scale how much work each check does
     * @return the figures
     * @throws Exception when a check cannot run
     */
    public static Figures run(Scale scale) throws Exception {
        Figures figures = new Figures(
                concurrency(scale),
                retention(scale, false),
                retention(scale, true),
                abandoned(),
                pooled(scale),
                async(scale));
        System.out.println(figures.report());
        return figures;
    }

    /** Threads × spans, each span with one chat call reporting 7 + 3 tokens, through the built-in handlers. */
    static Concurrency concurrency(Scale scale) throws Exception {
        DispatcherRegistry registry = new DispatcherRegistry();
        Dispatcher root = registry.root();
        SimpleSpanHandler spans = new SimpleSpanHandler();
        TokenCountingHandler tokens = TokenCountingHandler.create();
        root.addSpanHandler(spans);
        root.addEventHandler(spans);
        root.addEventHandler(new CallbackEventHandler(tokens));
        root.addEventHandler(new CallbackEventHandler(LlamaDebugHandler.create()));
        List<ChatMessage> messages = List.of(ChatMessage.user("capital of France?"));
        CyclicBarrier start = new CyclicBarrier(scale.threads() + 1);
        ExecutorService pool = Executors.newFixedThreadPool(scale.threads());
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < scale.threads(); t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < scale.spansPerThread(); i++) {
                    root.span("ChatModel.chat", () -> {
                        root.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o")));
                        root.event(new LLMChatEndEvent(
                                messages, ChatResponse.of(ChatMessage.assistant("Paris"), UsageKeys.rawUsage(7, 3))));
                        return null;
                    });
                }
                return null;
            }));
        }
        start.await();
        long startNanos = System.nanoTime();
        for (Future<?> future : done) {
            future.get();
        }
        long elapsed = System.nanoTime() - startNanos;
        pool.shutdown();
        long total = (long) scale.threads() * scale.spansPerThread();
        return new Concurrency(
                scale.threads(),
                total,
                total * 1e9 / elapsed,
                tokens.llmCallCount(),
                tokens.totalLlmTokenCount(),
                spans.completedCount(),
                registry.failures().count());
    }

    /**
     * Chat calls with distinct {@value #PROMPT_LENGTH}-character prompts and answers through the auto-configured
     * handlers with default caps; what they retain is the heap used after the calls minus before them.
     */
    static Retention retention(Scale scale, boolean capture) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RetentionApp.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("llamatrace.capture-content=" + capture, "spring.main.banner-mode=off")
                .run();
        try {
            Dispatcher root = context.getBean(DispatcherRegistry.class).root();
            String filler = "x".repeat(PROMPT_LENGTH - 16);
            long before = usedHeapAfterGc();
            for (int i = 0; i < scale.llmCalls(); i++) {
                // Distinct strings, as real prompts are: shared ones would hide what each handler keeps.
                String prompt = String.format(Locale.ROOT, "%016d", i) + filler;
                String answer = String.format(Locale.ROOT, "%016d", -i) + filler;
                List<ChatMessage> messages = List.of(ChatMessage.system("Answer briefly."), ChatMessage.user(prompt));
                root.span("ChatModel.chat", () -> {
                    root.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o")));
                    root.event(new LLMChatEndEvent(
                            messages, ChatResponse.of(ChatMessage.assistant(answer), UsageKeys.rawUsage(8000, 8000))));
                    return null;
                });
            }
            long after = usedHeapAfterGc();
            return new Retention(capture, scale.llmCalls(), PROMPT_LENGTH, (after - before) / 1e6);
        } finally {
            context.close();
        }
    }

    /** 10,000 spans that never end, then 1,000 healthy ones: all healthy ones must be traced. */
    static Abandoned abandoned() {
        DispatcherRegistry registry = new DispatcherRegistry();
        Dispatcher root = registry.root();
        SimpleSpanHandler spans = new SimpleSpanHandler();
        root.addSpanHandler(spans);
        for (int i = 0; i < AbstractSpanHandler.DEFAULT_MAX_OPEN_SPANS; i++) {
            root.spanEnter("abandoned", null, Map.of());
        }
        int healthy = 1_000;
        for (int i = 0; i < healthy; i++) {
            root.span("healthy", () -> "v");
        }
        long traced = spans.traces().stream()
                .filter((tree) -> tree.root().span().name().equals("healthy"))
                .count();
        return new Abandoned(AbstractSpanHandler.DEFAULT_MAX_OPEN_SPANS, healthy, traced, spans.evictedOpenSpanCount());
    }

    /**
     * Tasks leaving a span active on a pooled thread, then tasks submitted from a thread with no active span through
     * {@link TraceContext#wrap(ExecutorService)}: each should run with no parent.
     */
    static Pooled pooled(Scale scale) throws Exception {
        DispatcherRegistry registry = new DispatcherRegistry();
        Dispatcher root = registry.root();
        root.addSpanHandler(new SimpleSpanHandler());
        ExecutorService pool = TraceContext.wrap(Executors.newFixedThreadPool(2));
        try {
            for (int i = 0; i < 2 * 8; i++) {
                pool.submit(() -> {
                            SpanInvocation leaked = root.spanEnter("leaky", null, Map.of());
                            TraceContext.activate(leaked); // never closed: a task bug the pool must not spread
                        })
                        .get();
            }
            AtomicInteger stale = new AtomicInteger();
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < scale.pooledTasks(); i++) {
                tasks.add(pool.submit(() -> {
                    if (TraceContext.currentSpan() != null) {
                        stale.incrementAndGet();
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
            return new Pooled(scale.pooledTasks(), stale.get());
        } finally {
            pool.shutdown();
        }
    }

    /** A handler sleeping 1 ms per event behind {@link AsyncHandler}: drops when the queue is full, none otherwise. */
    static Async async(Scale scale) throws Exception {
        int sent = scale.asyncEvents();
        LongAdder delivered = new LongAdder();
        EventHandler sleeping = (event) -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            delivered.increment();
        };
        AsyncHandler small = AsyncHandler.of(sleeping, 16);
        AsyncHandler large = AsyncHandler.of(sleeping, sent);
        try {
            for (int i = 0; i < sent; i++) {
                Event event = new Tick();
                small.handle(event);
                large.handle(event);
            }
            small.flush();
            large.flush();
        } finally {
            small.close();
            large.close();
        }
        return new Async(sent, small.droppedCount(), large.droppedCount(), delivered.sum());
    }

    static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    /**
     * How much work each check does.
     *
     * @param threads threads of the concurrency check
     * @param spansPerThread spans per thread
     * @param llmCalls calls of the retention check
     * @param pooledTasks tasks of the pooled-context check
     * @param asyncEvents events of the async-handler check
     */
    public record Scale(int threads, int spansPerThread, int llmCalls, int pooledTasks, int asyncEvents) {

        /** Seconds: what the build runs. The retention check keeps its full size, since it measures the caps. */
        public static final Scale SMOKE = new Scale(4, 20_000, 10_000, 1_000, 200);

        /** Minutes: 16 threads × 1M spans. */
        public static final Scale FULL = new Scale(16, 1_000_000, 50_000, 100_000, 5_000);

        static Scale fromSystemProperty() {
            return "full".equals(System.getProperty(SCALE_PROPERTY)) ? FULL : SMOKE;
        }
    }

    /**
     * Every check's figures.
     *
     * @param concurrency threads × spans
     * @param retentionOff retained heap with content capture off (the default)
     * @param retentionOn retained heap with content capture on
     * @param abandoned spans that never end
     * @param pooled context on pooled threads
     * @param async the async handler wrapper
     */
    public record Figures(
            Concurrency concurrency,
            Retention retentionOff,
            Retention retentionOn,
            Abandoned abandoned,
            Pooled pooled,
            Async async) {

        String report() {
            return String.join(
                    "\n",
                    "llamatrace soak figures",
                    String.format(
                            Locale.ROOT,
                            "  concurrency: %d threads, %d spans, %.0f spans/s, %d LLM calls, %d tokens, %d spans"
                                    + " completed, %d handler failures",
                            this.concurrency.threads(),
                            this.concurrency.spans(),
                            this.concurrency.spansPerSecond(),
                            this.concurrency.llmCalls(),
                            this.concurrency.tokens(),
                            this.concurrency.completed(),
                            this.concurrency.failures()),
                    this.retentionOff.line(),
                    this.retentionOn.line(),
                    String.format(
                            Locale.ROOT,
                            "  abandoned: %d never-ending spans, %d healthy spans, %d traced, %d open spans evicted",
                            this.abandoned.neverEnding(),
                            this.abandoned.healthy(),
                            this.abandoned.traced(),
                            this.abandoned.evicted()),
                    String.format(
                            Locale.ROOT,
                            "  pooled context: %d tasks submitted with no span, %d ran with a stale parent",
                            this.pooled.tasks(),
                            this.pooled.stale()),
                    String.format(
                            Locale.ROOT,
                            "  async handler: %d events, %d dropped by a 16-item queue, %d dropped by a %d-item queue,"
                                    + " %d delivered",
                            this.async.sent(),
                            this.async.droppedWhenFull(),
                            this.async.droppedWithRoom(),
                            this.async.sent(),
                            this.async.delivered()));
        }
    }

    /**
     * Figures of the concurrency check.
     *
     * @param threads threads
     * @param spans spans in all
     * @param spansPerSecond throughput over all threads
     * @param llmCalls LLM calls the token handler counted
     * @param tokens tokens it counted
     * @param completed spans the span handler completed
     * @param failures handler failures
     */
    public record Concurrency(
            int threads,
            long spans,
            double spansPerSecond,
            long llmCalls,
            long tokens,
            long completed,
            long failures) {}

    /**
     * Figures of the retention check.
     *
     * @param capture whether content capture was on
     * @param calls chat calls made
     * @param promptLength characters of each prompt and answer
     * @param retainedMegabytes heap retained by the handlers after the calls, in MB (10^6 bytes): the heap used then
     *     minus the heap used before them, both after a full collection
     */
    public record Retention(boolean capture, int calls, int promptLength, double retainedMegabytes) {

        String line() {
            return String.format(
                    Locale.ROOT,
                    "  retention (capture-content=%s): %d calls with %d-character prompts and answers, %.1f MB"
                            + " retained",
                    this.capture,
                    this.calls,
                    this.promptLength,
                    this.retainedMegabytes);
        }
    }

    /**
     * Figures of the abandoned-span check.
     *
     * @param neverEnding spans entered and never ended
     * @param healthy spans that ended normally after them
     * @param traced healthy spans in the trace trees
     * @param evicted open spans evicted
     */
    public record Abandoned(int neverEnding, int healthy, long traced, long evicted) {}

    /**
     * Figures of the pooled-context check.
     *
     * @param tasks tasks submitted from a thread with no span
     * @param stale tasks that saw an active span anyway
     */
    public record Pooled(int tasks, int stale) {}

    /**
     * Figures of the async-handler check.
     *
     * @param sent events handed to each wrapper
     * @param droppedWhenFull drops of the small queue
     * @param droppedWithRoom drops of the queue as large as the events
     * @param delivered events the sleeping handler saw through both wrappers
     */
    public record Async(int sent, long droppedWhenFull, long droppedWithRoom, long delivered) {}

    /** An event of the async check. */
    static final class Tick extends Event {}

    /** The application of the retention check: the starter's auto-configuration on an isolated registry. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(LlamaTraceAutoConfiguration.class)
    static class RetentionApp {

        @Bean
        DispatcherRegistry dispatcherRegistry() {
            return new DispatcherRegistry();
        }
    }
}
