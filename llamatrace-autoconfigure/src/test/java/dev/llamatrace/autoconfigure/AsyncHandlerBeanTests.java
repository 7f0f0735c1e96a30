package dev.llamatrace.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llamatrace.autoconfigure.endpoint.LlamaTraceEndpoint;
import dev.llamatrace.autoconfigure.endpoint.LlamaTraceEndpointAutoConfiguration;
import dev.llamatrace.autoconfigure.metrics.LlamaTraceMeterNames;
import dev.llamatrace.autoconfigure.metrics.LlamaTraceMetricsAutoConfiguration;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.handler.AsyncHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** An {@link AsyncHandler} bean: attached like any handler, its drops counted once for meters and endpoint. */
class AsyncHandlerBeanTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    MetricsAutoConfiguration.class,
                    LlamaTraceAutoConfiguration.class,
                    LlamaTraceMetricsAutoConfiguration.class,
                    LlamaTraceEndpointAutoConfiguration.class))
            .withBean(DispatcherRegistry.class, DispatcherRegistry::new)
            .withBean(SimpleMeterRegistry.class)
            .withPropertyValues("management.endpoints.web.exposure.include=llamatrace");

    @Test
    void dropsOfAFullQueueReachTheEvictionMeterAndTheEndpointAndClosingTheContextDeliversTheRest() {
        CountDownLatch release = new CountDownLatch(1);
        SlowAuditHandler audit = new SlowAuditHandler(release);
        this.runner
                .withBean("auditHandler", AsyncHandler.class, () -> AsyncHandler.of(audit, 4))
                .run((context) -> {
                    Dispatcher root = context.getBean(DispatcherRegistry.class).root();
                    root.event(new Audit());
                    await().atMost(Duration.ofSeconds(10)).until(() -> audit.entered.getCount() == 0);
                    for (int i = 0; i < 10; i++) {
                        root.event(new Audit());
                    }
                    double meter = context.getBean(MeterRegistry.class)
                            .get(LlamaTraceMeterNames.EVICTIONS)
                            .tag(LlamaTraceMeterNames.TAG_HANDLER, "AsyncHandler.SlowAuditHandler")
                            .functionCounter()
                            .count();
                    assertThat(meter).isEqualTo(6.0);
                    assertThat(context.getBean(LlamaTraceEndpoint.class)
                                    .summary()
                                    .asyncDropped())
                            .containsEntry("AsyncHandler.SlowAuditHandler", 6L);
                    release.countDown();
                });
        // Closing the context closed the wrapper, which delivered what was queued first.
        assertThat(audit.seen).hasSize(5);
    }

    static final class Audit extends Event {}

    /** Writes each event somewhere slow; stalls on its first one until released. */
    static final class SlowAuditHandler implements EventHandler {

        final CountDownLatch entered = new CountDownLatch(1);

        final List<Event> seen = new CopyOnWriteArrayList<>();

        private final CountDownLatch release;

        SlowAuditHandler(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void handle(Event event) {
            this.entered.countDown();
            try {
                this.release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            this.seen.add(event);
        }
    }
}
