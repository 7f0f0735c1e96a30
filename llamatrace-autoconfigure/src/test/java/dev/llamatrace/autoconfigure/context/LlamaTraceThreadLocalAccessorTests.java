package dev.llamatrace.autoconfigure.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.RecordingSpanHandler;
import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import dev.llamatrace.autoconfigure.aop.LlamaTraceAopAutoConfiguration;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanInvocation;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    void emptyContextIsNotCaptured() {
        assertThat(new LlamaTraceThreadLocalAccessor().getValue()).isNull();
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
