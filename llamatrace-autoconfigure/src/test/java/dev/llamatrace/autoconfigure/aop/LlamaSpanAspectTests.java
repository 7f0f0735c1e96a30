package dev.llamatrace.autoconfigure.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import dev.llamatrace.autoconfigure.RecordingSpanHandler;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

class LlamaSpanAspectTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final RecordingSpanHandler spans = new RecordingSpanHandler();

    private Service service;

    @BeforeEach
    void setUp() {
        this.registry.root().addSpanHandler(this.spans);
        this.service = proxy(new Service(), false);
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(T target, boolean captureArguments) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new LlamaSpanAdvisor(new LlamaSpanAspect(this.registry, captureArguments)));
        T proxy = (T) factory.getProxy();
        if (target instanceof Service service) {
            service.self = (Service) proxy;
            service.registry = this.registry;
        }
        return proxy;
    }

    @Test
    void spanIsNamedAfterTheRuntimeClassAndMethod() {
        assertThat(this.service.answer("q")).isEqualTo("answer to q");
        assertThat(this.spans.entered()).singleElement().satisfies((span) -> {
            assertThat(span.name()).isEqualTo("Service.answer");
            assertThat(span.dispatcherName()).isEqualTo(Service.class.getName());
            assertThat(span.arguments()).isEmpty();
        });
        assertThat(this.spans.ended()).singleElement().satisfies((record) -> {
            assertThat(record.kind()).isEqualTo("exit");
            assertThat(record.detail()).isEqualTo("answer to q");
        });
    }

    @Test
    void subclassGetsItsOwnName() {
        Service sub = proxy(new SubService(), false);
        sub.answer("q");
        assertThat(this.spans.entered()).extracting(SpanInvocation::name).containsExactly("SubService.answer");
    }

    @Test
    void applicationExceptionReachesTheCallerUnchangedAndDropsTheSpan() {
        IllegalStateException failure = new IllegalStateException("boom");
        assertThatException().isThrownBy(() -> this.service.fail(failure)).isSameAs(failure);
        assertThat(this.spans.ended()).singleElement().satisfies((record) -> {
            assertThat(record.kind()).isEqualTo("drop");
            assertThat(record.detail()).isSameAs(failure);
        });
    }

    @Test
    void nestedCallsBecomeChildren() {
        this.service.outer();
        List<SpanInvocation> entered = this.spans.entered();
        assertThat(entered).extracting(SpanInvocation::name).containsExactly("Service.outer", "Service.answer");
        assertThat(entered.get(1).parent()).isSameAs(entered.get(0));
    }

    @Test
    void annotationTagsAreMergedOverTheActiveTagsForTheCall() {
        List<Event> events = new CopyOnWriteArrayList<>();
        this.registry.root().addEventHandler(events::add);
        try (TraceContext.Scope scope = TraceContext.withTags(Map.of("user", "u1", "component", "outer"))) {
            this.service.tagged();
            assertThat(TraceContext.currentTags())
                    .containsOnly(Map.entry("user", "u1"), Map.entry("component", "outer"));
        }
        assertThat(this.spans.entered().get(0).tags())
                .containsOnly(Map.entry("user", "u1"), Map.entry("component", "retriever"), Map.entry("k", "v"));
        assertThat(events).singleElement().satisfies((event) -> assertThat(event.tags())
                .containsEntry("component", "retriever")
                .containsEntry("user", "u1"));
    }

    @Test
    void argumentsAreCapturedOnlyWhenEnabled() {
        Service capturing = proxy(new Service(), true);
        capturing.answer("secret");
        this.service.answer("secret");
        assertThat(this.spans.entered())
                .extracting(SpanInvocation::arguments)
                .containsExactly(Map.of("question", "secret"), Map.of());
    }

    @Test
    void dispatcherNamedByTheAnnotationIsUsed() {
        this.service.onNamedDispatcher();
        assertThat(this.spans.entered().get(0).dispatcherName()).isEqualTo("com.example.custom");
    }

    @Test
    void classLevelAnnotationCoversEveryPublicMethod() {
        Annotated annotated = proxy(new Annotated(), false);
        annotated.one();
        annotated.two();
        assertThat(annotated.toString()).isNotEmpty();
        assertThat(this.spans.entered())
                .extracting(SpanInvocation::name)
                .containsExactly("Annotated.one", "Annotated.two");
    }

    @Test
    void nothingIsEnteredWhenNoSpanHandlerListens() {
        this.registry.root().removeSpanHandler(this.spans);
        assertThat(this.service.answer("q")).isEqualTo("answer to q");
        assertThat(this.spans.records()).isEmpty();
    }

    @Test
    void futureSpanEndsWhenTheFutureCompletesNotWhenTheMethodReturns() {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> returned = this.service.future(source);
        assertThat(this.spans.entered()).hasSize(1);
        assertThat(this.spans.ended()).isEmpty();
        source.complete("done");
        assertThat(returned.join()).isEqualTo("done");
        assertThat(this.spans.ended()).singleElement().satisfies((record) -> {
            assertThat(record.kind()).isEqualTo("exit");
            assertThat(record.detail()).isEqualTo("done");
        });
    }

    @Test
    void failedFutureDropsTheSpanWithTheOriginalError() {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> returned = this.service.future(source);
        IllegalStateException failure = new IllegalStateException("async boom");
        source.completeExceptionally(failure);
        assertThat(returned).isCompletedExceptionally();
        assertThat(this.spans.ended()).singleElement().satisfies((record) -> {
            assertThat(record.kind()).isEqualTo("drop");
            assertThat(record.detail()).isSameAs(failure);
        });
    }

    @Test
    void cancellingTheReturnedFutureCancelsTheSourceAndEndsTheSpan() {
        CompletableFuture<String> source = new CompletableFuture<>();
        this.service.future(source).cancel(true);
        assertThat(source).isCancelled();
        assertThat(this.spans.ended())
                .singleElement()
                .extracting(RecordingSpanHandler.Record::kind)
                .isEqualTo("drop");
    }

    @Test
    void streamSpanEndsWhenTheStreamIsExhausted() {
        AtomicReference<SpanInvocation> activeWhileProducing = new AtomicReference<>();
        Stream<String> stream = this.service.stream(activeWhileProducing);
        assertThat(this.spans.ended()).isEmpty();
        assertThat(stream.toList()).containsExactly("a", "b");
        assertThat(activeWhileProducing.get()).isSameAs(this.spans.entered().get(0));
        assertThat(this.spans.ended())
                .singleElement()
                .extracting(RecordingSpanHandler.Record::kind)
                .isEqualTo("exit");
    }

    @Test
    void streamSpanEndsWhenTheStreamIsClosedEarly() {
        try (Stream<String> stream = this.service.stream(new AtomicReference<>())) {
            assertThat(stream.findFirst()).contains("a");
        }
        assertThat(this.spans.ended())
                .singleElement()
                .extracting(RecordingSpanHandler.Record::kind)
                .isEqualTo("exit");
    }

    @Test
    void monoSpanEndsOnTermination() {
        Sinks.One<String> sink = Sinks.one();
        Mono<String> mono = this.service.mono(sink.asMono());
        assertThat(this.spans.ended()).isEmpty();
        CompletableFuture<String> result = mono.toFuture();
        assertThat(this.spans.ended()).isEmpty();
        sink.tryEmitValue("value");
        assertThat(result.join()).isEqualTo("value");
        assertThat(this.spans.ended()).singleElement().satisfies((record) -> {
            assertThat(record.kind()).isEqualTo("exit");
            assertThat(record.detail()).isEqualTo("value");
        });
    }

    @Test
    void fluxErrorDropsTheSpan() {
        IllegalStateException failure = new IllegalStateException("flux boom");
        Flux<String> flux = this.service.flux(Flux.just("a").concatWith(Flux.error(failure)));
        assertThatException().isThrownBy(() -> flux.collectList().block()).isSameAs(failure);
        assertThat(this.spans.ended()).singleElement().satisfies((record) -> {
            assertThat(record.kind()).isEqualTo("drop");
            assertThat(record.detail()).isSameAs(failure);
        });
    }

    @Test
    void cancelledFluxEndsTheSpan() {
        Disposable subscription = this.service.flux(Flux.never()).subscribe();
        assertThat(this.spans.ended()).isEmpty();
        subscription.dispose();
        assertThat(this.spans.ended())
                .singleElement()
                .extracting(RecordingSpanHandler.Record::kind)
                .isEqualTo("exit");
    }

    @Test
    void reactivePipelineOfAnAnnotatedMethodRunsWithItsSpanUnderAutomaticContextPropagation() {
        Hooks.enableAutomaticContextPropagation();
        try {
            SpanInvocation seen = this.service.currentSpanLater().block();
            assertThat(seen).isNotNull().isSameAs(this.spans.entered().get(0));
        } finally {
            Hooks.disableAutomaticContextPropagation();
        }
    }

    static class Service {

        Service self;

        DispatcherRegistry registry;

        @LlamaSpan
        public String answer(String question) {
            return "answer to " + question;
        }

        @LlamaSpan
        public String fail(RuntimeException failure) {
            throw failure;
        }

        @LlamaSpan
        public void outer() {
            // Self-invocation bypasses the proxy, so go through the proxy.
            this.self.answer("inner");
        }

        @LlamaSpan(tags = {"component=retriever", "k = v", "malformed"})
        public void tagged() {
            this.registry.get(Service.class).event(new TestEvent());
        }

        @LlamaSpan(dispatcher = "com.example.custom")
        public void onNamedDispatcher() {}

        @LlamaSpan
        public CompletableFuture<String> future(CompletableFuture<String> source) {
            return source;
        }

        @LlamaSpan
        public Stream<String> stream(AtomicReference<SpanInvocation> active) {
            return Stream.of("a", "b").peek((value) -> active.compareAndSet(null, TraceContext.currentSpan()));
        }

        @LlamaSpan
        public Mono<String> mono(Mono<String> source) {
            return source;
        }

        @LlamaSpan
        public Mono<SpanInvocation> currentSpanLater() {
            return Mono.fromSupplier(TraceContext::currentSpan).subscribeOn(Schedulers.boundedElastic());
        }

        @LlamaSpan
        public Flux<String> flux(Flux<String> source) {
            return source;
        }
    }

    static class SubService extends Service {}

    @LlamaSpan
    static class Annotated {

        public void one() {}

        public void two() {}
    }

    static final class TestEvent extends Event {}
}
