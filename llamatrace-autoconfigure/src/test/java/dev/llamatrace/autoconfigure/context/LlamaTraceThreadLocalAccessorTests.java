package dev.llamatrace.autoconfigure.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.RecordingSpanHandler;
import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import dev.llamatrace.autoconfigure.aop.LlamaTraceAopAutoConfiguration;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackHandler;
import dev.llamatrace.core.callback.CallbackManager;
import dev.llamatrace.core.callback.EventPayload;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanInvocation;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class LlamaTraceThreadLocalAccessorTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final RecordingSpanHandler spans = new RecordingSpanHandler();

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() {
        this.registry.root().addSpanHandler(this.spans);
    }

    @AfterEach
    void tearDown() {
        this.pool.shutdownNow();
        TraceContext.clear();
    }

    @Test
    void accessorIsRegisteredThroughTheServiceLoader() {
        assertThat(ContextRegistry.getInstance().getThreadLocalAccessors())
                .anySatisfy((accessor) -> assertThat(accessor.key()).isEqualTo(LlamaTraceThreadLocalAccessor.KEY));
    }

    @Test
    void contextSnapshotCarriesTheSpanAndTagsToAnotherThread() throws Exception {
        Dispatcher dispatcher = this.registry.root();
        ContextSnapshotFactory factory = ContextSnapshotFactory.builder().build();
        Probe probe = dispatcher.span("outer", () -> {
            try (TraceContext.Scope tags = TraceContext.withTags(Map.of("tenant", "t1"))) {
                ContextSnapshot snapshot = factory.captureAll();
                return this.pool.submit(snapshot.wrap(Probe::now)).get();
            }
        });
        assertThat(probe.span()).isSameAs(this.spans.entered().get(0));
        assertThat(probe.tags()).containsEntry("tenant", "t1");
        assertThat(this.pool.submit(Probe::now).get().span()).isNull();
    }

    @Test
    void contextExecutorServiceCarriesTheSpan() throws Exception {
        ExecutorService wrapped = ContextExecutorService.wrap(this.pool);
        Probe probe = this.registry.root().span("outer", () -> wrapped.submit(Probe::now)
                .get());
        assertThat(probe.span()).isSameAs(this.spans.entered().get(0));
    }

    @Test
    void emptyContextIsCapturedAsEmptySoThatRestoringItClearsTheThread() {
        assertThat(new LlamaTraceThreadLocalAccessor().getValue().isEmpty()).isTrue();
    }

    @Test
    void tasksSubmittedWithNoSpanThroughContextExecutorServiceRunWithNoSpanAndNoOpenEvent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ExecutorService wrapped = ContextExecutorService.wrap(pool);
            assertNothingLeaksBetweenTasks((task) -> wrapped.submit(task));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tasksWrappedWithNoSpanByContextSnapshotFactoryRunWithNoSpanAndNoOpenEvent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ContextSnapshotFactory factory = ContextSnapshotFactory.builder().build();
        try {
            assertNothingLeaksBetweenTasks(
                    (task) -> pool.submit(factory.captureAll().wrap(task)));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Submits tasks from a thread with nothing active; each task starts and ends an LLM event, then leaves a span and a
     * query event open on its pooled thread. No task may see what an earlier one left.
     */
    private void assertNothingLeaksBetweenTasks(Function<Runnable, Future<?>> submit) throws Exception {
        int tasks = 400;
        CallbackManager manager = new CallbackManager(this.registry.root());
        List<String> parents = new CopyOnWriteArrayList<>();
        manager.addHandler(new CallbackHandler() {
            @Override
            public void onEventStart(
                    CBEventType type, Map<String, Object> payload, String eventId, @Nullable String parentId) {
                if (type == CBEventType.LLM) {
                    parents.add(String.valueOf(parentId));
                }
            }

            @Override
            public void onEventEnd(CBEventType type, Map<String, Object> payload, String eventId) {}
        });
        List<@Nullable SpanInvocation> active = new CopyOnWriteArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            futures.add(submit.apply(() -> {
                active.add(TraceContext.currentSpan());
                String llm = manager.onEventStart(CBEventType.LLM, Map.of());
                manager.onEventEnd(CBEventType.LLM, Map.of(), llm);
                manager.onEventStart(CBEventType.QUERY, Map.of());
                this.registry.root().enter("left open");
            }));
        }
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
        assertThat(active).hasSize(tasks).containsOnlyNulls();
        assertThat(parents).hasSize(tasks).containsOnly(EventPayload.BASE_TRACE_EVENT);
        assertThat(this.spans.entered())
                .filteredOn((span) -> span.name().equals("llm"))
                .hasSize(tasks)
                .allSatisfy((span) -> assertThat(span.parent()).isNull());
    }

    @Test
    void reactorAutomaticContextPropagationCarriesTheSpan() {
        Hooks.enableAutomaticContextPropagation();
        try {
            SpanInvocation seen = this.registry.root().span("outer", () -> Mono.fromSupplier(TraceContext::currentSpan)
                    .subscribeOn(Schedulers.boundedElastic())
                    .block());
            assertThat(seen).isSameAs(this.spans.entered().get(0));
        } finally {
            Hooks.disableAutomaticContextPropagation();
        }
    }

    @Test
    void asyncMethodsRunWithTheCallersSpanThroughTheContextPropagatingTaskDecorator() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        LlamaTraceAutoConfiguration.class,
                        LlamaTraceAopAutoConfiguration.class,
                        AopAutoConfiguration.class,
                        TaskExecutionAutoConfiguration.class))
                .withBean(DispatcherRegistry.class, () -> this.registry)
                .withUserConfiguration(AsyncConfiguration.class)
                .run((context) -> {
                    AsyncService service = context.getBean(AsyncService.class);
                    Probe probe = this.registry.root().span("caller", () -> service.probe()
                            .join());
                    SpanInvocation caller = this.spans.entered().get(0);
                    assertThat(probe.span()).isNotNull();
                    assertThat(probe.span().name()).isEqualTo("AsyncService.probe");
                    assertThat(probe.span().parent()).isSameAs(caller);
                    assertThat(probe.thread())
                            .isNotEqualTo(Thread.currentThread().getName());
                });
    }

    record Probe(@Nullable SpanInvocation span, Map<String, Object> tags, String thread) {

        static Probe now() {
            return new Probe(
                    TraceContext.currentSpan(),
                    TraceContext.currentTags(),
                    Thread.currentThread().getName());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAsync
    static class AsyncConfiguration {

        @Bean
        ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
            return new ContextPropagatingTaskDecorator();
        }

        @Bean
        AsyncService asyncService() {
            return new AsyncService();
        }
    }

    static class AsyncService {

        @Async
        @LlamaSpan
        public CompletableFuture<Probe> probe() {
            return CompletableFuture.completedFuture(Probe.now());
        }
    }
}
