package dev.llamatrace.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.Dispatchers;
import dev.llamatrace.core.callback.CallbackManager;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.handler.TokenCountPublisher;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

class LlamaTraceAutoConfigurationTests {

    // The built-in handlers are beans too; they are switched off here so only the test's handlers are attached.
    private final ApplicationContextRunner runner = runner(new DispatcherRegistry());

    private static ApplicationContextRunner runner(DispatcherRegistry registry) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlamaTraceAutoConfiguration.class))
                .withPropertyValues(
                        "llamatrace.handlers.token-counting.enabled=false",
                        "llamatrace.handlers.debug.enabled=false",
                        "llamatrace.handlers.spans.enabled=false")
                .withBean(DispatcherRegistry.class, () -> registry);
    }

    @Test
    void defaultRegistryIsTheProcessWideOne() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlamaTraceAutoConfiguration.class))
                .run((context) -> {
                    assertThat(context).getBean(DispatcherRegistry.class).isSameAs(Dispatchers.registry());
                    assertThat(context)
                            .getBean(LlamaTraceAutoConfiguration.ROOT_DISPATCHER_BEAN_NAME, Dispatcher.class)
                            .isSameAs(Dispatchers.root());
                });
    }

    @Test
    void userRegistryBeanWins() {
        this.runner.run((context) -> {
            DispatcherRegistry registry = context.getBean(DispatcherRegistry.class);
            assertThat(registry).isNotSameAs(Dispatchers.registry());
            assertThat(context.getBean(Dispatcher.class)).isSameAs(registry.root());
        });
    }

    @Test
    void disabledPropertyKeepsTheInjectableBeansOnARegistryNoHandlerListensTo() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlamaTraceAutoConfiguration.class))
                .withPropertyValues("llamatrace.enabled=false")
                .withBean("app", RecordingEventHandler.class)
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    DispatcherRegistry registry = context.getBean(DispatcherRegistry.class);
                    assertThat(registry).isNotSameAs(Dispatchers.registry());
                    assertThat(context)
                            .getBean(LlamaTraceAutoConfiguration.ROOT_DISPATCHER_BEAN_NAME, Dispatcher.class)
                            .isSameAs(registry.root());
                    assertThat(context).hasSingleBean(CallbackManager.class);
                    assertThat(context).doesNotHaveBean(LlamaTraceHandlerRegistrar.class);
                    assertThat(context).doesNotHaveBean(LlamaTraceProperties.class);
                    assertThat(context).doesNotHaveBean(TokenCountingHandler.class);
                    assertThat(registry.root().hasEventHandlers()).isFalse();
                    assertThat(registry.root().hasSpanHandlers()).isFalse();
                    assertThat(objects(Dispatchers.root().eventHandlers())).doesNotContain(context.getBean("app"));
                });
    }

    @Test
    void disabledPropertyDoesNotValidateTheOtherProperties() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlamaTraceAutoConfiguration.class))
                .withPropertyValues("llamatrace.enabled=false", "llamatrace.handlers.spans.capacity=-3")
                .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void handlerBeansAreAttachedToTheRootExactlyOnce() {
        this.runner
                .withBean("events", RecordingEventHandler.class)
                .withBean("spans", RecordingSpanHandler.class)
                .withBean("both", BothHandler.class)
                .run((context) -> {
                    Dispatcher root = context.getBean(DispatcherRegistry.class).root();
                    assertThat(objects(root.eventHandlers()))
                            .containsExactlyInAnyOrder(context.getBean("events"), context.getBean("both"));
                    assertThat(objects(root.spanHandlers()))
                            .containsExactlyInAnyOrder(context.getBean("spans"), context.getBean("both"));
                    root.event(new TestEvent());
                    assertThat(context.getBean("events", RecordingEventHandler.class).events)
                            .hasSize(1);
                });
    }

    @Test
    void annotationOnBeanMethodOrClassChoosesTheDispatcher() {
        this.runner.withUserConfiguration(AnnotatedHandlers.class).run((context) -> {
            DispatcherRegistry registry = context.getBean(DispatcherRegistry.class);
            assertThat(objects(registry.get("com.example.rag").eventHandlers()))
                    .containsExactly(context.getBean("rag"));
            assertThat(objects(registry.get("com.example.tools").eventHandlers()))
                    .containsExactly(context.getBean("tools"));
            assertThat(objects(registry.root().eventHandlers())).isEmpty();
        });
    }

    @Test
    void propertyOverridesTheAnnotation() {
        this.runner
                .withUserConfiguration(AnnotatedHandlers.class)
                .withPropertyValues("llamatrace.handlers.dispatchers.rag=com.example.other")
                .run((context) -> {
                    DispatcherRegistry registry = context.getBean(DispatcherRegistry.class);
                    assertThat(objects(registry.get("com.example.other").eventHandlers()))
                            .containsExactly(context.getBean("rag"));
                    assertThat(objects(registry.get("com.example.rag").eventHandlers()))
                            .isEmpty();
                });
    }

    @Test
    void handlersAreDetachedAndSpanHandlersClosedWhenTheContextCloses() {
        DispatcherRegistry registry = new DispatcherRegistry();
        RecordingSpanHandler spans = new RecordingSpanHandler();
        RecordingEventHandler events = new RecordingEventHandler();
        runner(registry)
                .withBean("spans", RecordingSpanHandler.class, () -> spans)
                .withBean("events", RecordingEventHandler.class, () -> events)
                .run((context) -> assertThat(registry.root().spanHandlers()).containsExactly(spans));
        assertThat(registry.root().spanHandlers()).isEmpty();
        assertThat(objects(registry.root().eventHandlers())).isEmpty();
        assertThat(spans.closeCount()).isOne();
    }

    @Test
    void spansStillOpenInSpanHandlerBeansAreDroppedWhenTheContextCloses() {
        DispatcherRegistry registry = new DispatcherRegistry();
        SimpleSpanHandler spans = new SimpleSpanHandler();
        runner(registry).withBean("spans", SimpleSpanHandler.class, () -> spans).run((context) -> registry.get("app")
                .spanEnter("Workflow.run", null, Map.of()));
        assertThat(spans.openSpans()).isEmpty();
        assertThat(spans.droppedSpans()).singleElement().satisfies((span) -> {
            assertThat(span.name()).isEqualTo("Workflow.run");
            assertThat(span.error()).isEqualTo("dispatcher shutdown");
        });
    }

    @Test
    void aRegistryBeanOfTheApplicationIsShutDownWithTheContext() {
        RecordingSpanHandler attachedByHand = new RecordingSpanHandler();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlamaTraceAutoConfiguration.class))
                .withUserConfiguration(OwnRegistry.class)
                .run((context) ->
                        context.getBean(DispatcherRegistry.class).get("app").addSpanHandler(attachedByHand));
        assertThat(attachedByHand.closeCount()).isOne();
    }

    @Test
    void theProcessWideRegistryOutlivesTheContext() {
        RecordingSpanHandler others = new RecordingSpanHandler();
        Dispatchers.root().addSpanHandler(others);
        try {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(LlamaTraceAutoConfiguration.class))
                    .run((context) -> Dispatchers.get("app").spanEnter("Workflow.run", null, Map.of()));
            assertThat(others.closeCount()).isZero();
            assertThat(others.ended()).isEmpty();
        } finally {
            Dispatchers.root().removeSpanHandler(others);
        }
    }

    @Test
    void lazyHandlerBeanIsAttachedWhenItIsCreated() {
        this.runner.withUserConfiguration(LazyHandler.class).run((context) -> {
            Dispatcher root = context.getBean(DispatcherRegistry.class).root();
            assertThat(objects(root.eventHandlers())).isEmpty();
            Object handler = context.getBean("lazyHandler");
            assertThat(objects(root.eventHandlers())).containsExactly(handler);
        });
    }

    @Test
    void prototypeHandlerBeansAreNotAttached() {
        this.runner.withUserConfiguration(PrototypeHandler.class).run((context) -> {
            context.getBean("prototypeHandler");
            assertThat(objects(context.getBean(DispatcherRegistry.class).root().eventHandlers()))
                    .isEmpty();
        });
    }

    /** The handlers on a dispatcher besides the counting step, which the root always has. */
    private static List<Object> objects(List<?> handlers) {
        return handlers.stream()
                .filter((handler) -> !(handler instanceof TokenCountPublisher))
                .map(Object.class::cast)
                .toList();
    }

    static final class TestEvent extends Event {}

    static class RecordingEventHandler implements EventHandler {

        final List<Event> events = new CopyOnWriteArrayList<>();

        @Override
        public void handle(Event event) {
            this.events.add(event);
        }
    }

    static final class BothHandler extends RecordingEventHandler
            implements dev.llamatrace.core.span.SpanHandler<dev.llamatrace.core.span.Span> {

        @Override
        public void spanEnter(dev.llamatrace.core.span.SpanInvocation span) {}

        @Override
        public void spanExit(dev.llamatrace.core.span.SpanInvocation span, Object result, long endNanos) {}

        @Override
        public void spanDrop(dev.llamatrace.core.span.SpanInvocation span, Throwable error, long endNanos) {}
    }

    @LlamaTraceHandler(dispatcher = "com.example.tools")
    static final class ToolsHandler extends RecordingEventHandler {}

    @Configuration(proxyBeanMethods = false)
    static class AnnotatedHandlers {

        @Bean
        @LlamaTraceHandler(dispatcher = "com.example.rag")
        RecordingEventHandler rag() {
            return new RecordingEventHandler();
        }

        @Bean
        ToolsHandler tools() {
            return new ToolsHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LazyHandler {

        @Bean
        @Lazy
        RecordingEventHandler lazyHandler() {
            return new RecordingEventHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrototypeHandler {

        @Bean
        @org.springframework.context.annotation.Scope("prototype")
        RecordingEventHandler prototypeHandler() {
            return new RecordingEventHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {

        @Bean
        DispatcherRegistry ownRegistry() {
            return new DispatcherRegistry();
        }
    }
}
