package dev.llamatrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.span.AbandonedSpanException;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import dev.llamatrace.core.trace.SimpleSpan;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DispatcherShutdownTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher app = this.registry.get("app");

    private final List<Event> events = new CopyOnWriteArrayList<>();

    DispatcherShutdownTests() {
        this.registry.root().addEventHandler(this.events::add);
    }

    @Test
    void shutdownDropsEveryOpenSpanOfEveryHandlerOnTheChainWithoutADropEvent() {
        ClosingSpans own = new ClosingSpans();
        ClosingSpans onRoot = new ClosingSpans();
        this.app.addSpanHandler(own);
        this.registry.root().addSpanHandler(onRoot);
        SpanInvocation first = this.app.spanEnter("first", null, Map.of());
        SpanInvocation second = this.app.spanEnter("second", first, null, Map.of());
        this.app.span("finished", () -> "v");

        assertThat(this.app.shutdown()).isEqualTo(4);

        for (ClosingSpans handler : List.of(own, onRoot)) {
            assertThat(handler.openSpans()).isEmpty();
            assertThat(handler.droppedCount()).isEqualTo(2);
            assertThat(handler.completedCount()).isEqualTo(1);
            assertThat(handler.droppedSpans())
                    .extracting(SimpleSpan::id)
                    .containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(handler.droppedSpans()).allSatisfy((span) -> {
                assertThat(span.error()).isEqualTo("dispatcher shutdown");
                assertThat(span.errorType()).isEqualTo(AbandonedSpanException.class.getName());
            });
            assertThat(handler.closed).hasValue(1);
        }
        assertThat(this.events).isEmpty();
        assertThat(this.registry.failures().count()).isZero();
    }

    @Test
    void shutdownIsIdempotentAndClosesEachHandlerOnce() {
        ClosingSpans handler = new ClosingSpans();
        this.app.addSpanHandler(handler);
        this.registry.root().addSpanHandler(handler);
        this.app.spanEnter("open", null, Map.of());

        assertThat(this.app.shutdown()).isEqualTo(1);
        assertThat(this.app.shutdown()).isZero();
        assertThat(this.registry.root().shutdown()).isZero();
        assertThat(this.registry.shutdown()).isZero();

        assertThat(handler.closed).hasValue(1);
        assertThat(handler.droppedCount()).isEqualTo(1);
    }

    @Test
    void theWalkStopsAtADispatcherThatDoesNotPropagate() {
        ClosingSpans own = new ClosingSpans();
        ClosingSpans onRoot = new ClosingSpans();
        this.app.addSpanHandler(own);
        this.registry.root().addSpanHandler(onRoot);
        this.app.setPropagate(false);
        this.app.spanEnter("open", null, Map.of());
        this.registry.root().spanEnter("other", null, Map.of());

        assertThat(this.app.shutdown()).isEqualTo(1);

        assertThat(own.closed).hasValue(1);
        assertThat(onRoot.closed).hasValue(0);
        assertThat(onRoot.openSpans()).hasSize(1);
    }

    @Test
    void theRegistryShutsDownTheHandlersOfEveryDispatcher() {
        ClosingSpans deep = new ClosingSpans();
        this.registry.get("app.deep.er").addSpanHandler(deep);
        this.registry.get("app.deep.er").spanEnter("open", null, Map.of());

        assertThat(this.registry.shutdown()).isEqualTo(1);

        assertThat(deep.closed).hasValue(1);
        assertThat(deep.droppedCount()).isEqualTo(1);
    }

    @Test
    void aSpanEndedAfterShutdownIsIgnoredByTheHandlersThatDroppedIt() {
        ClosingSpans handler = new ClosingSpans();
        this.app.addSpanHandler(handler);
        SpanInvocation span = this.app.spanEnter("late", null, Map.of());
        this.app.shutdown();

        span.exit("v");

        assertThat(handler.completedCount()).isZero();
        assertThat(handler.droppedCount()).isEqualTo(1);
        assertThat(this.registry.failures().count()).isZero();
    }

    @Test
    void failingHandlersAreIsolatedAndCountedAndTheOthersStillShutDown() {
        ClosingSpans healthy = new ClosingSpans();
        this.app.addSpanHandler(new BrokenSpans());
        this.app.addSpanHandler(healthy);
        this.app.spanEnter("open", null, Map.of());

        assertThat(this.app.shutdown()).isEqualTo(1);

        assertThat(healthy.closed).hasValue(1);
        assertThat(healthy.droppedCount()).isEqualTo(1);
        // The broken handler's open-span listing and its close.
        assertThat(this.registry.failures().count()).isEqualTo(2);
    }

    @Test
    void aHandlerDetachedFromASharedRegistryCanBeShutDownAlone() {
        ClosingSpans mine = new ClosingSpans();
        ClosingSpans theirs = new ClosingSpans();
        this.registry.root().addSpanHandler(mine);
        this.registry.root().addSpanHandler(theirs);
        this.app.spanEnter("open", null, Map.of());
        this.registry.root().removeSpanHandler(mine);

        assertThat(this.registry.shutdown(mine)).isEqualTo(1);

        assertThat(mine.closed).hasValue(1);
        assertThat(theirs.closed).hasValue(0);
        assertThat(theirs.openSpans()).hasSize(1);
    }

    /** A real span handler that also counts its closes. */
    private static final class ClosingSpans extends SimpleSpanHandlerDelegate {

        final AtomicInteger closed = new AtomicInteger();

        @Override
        public void close() {
            this.closed.incrementAndGet();
        }
    }

    /** Forwards to a {@link SimpleSpanHandler} (which is final) so a test can watch {@code close()}. */
    private abstract static class SimpleSpanHandlerDelegate implements SpanHandler<SimpleSpan> {

        private final SimpleSpanHandler delegate = new SimpleSpanHandler();

        @Override
        public void spanEnter(SpanInvocation span) {
            this.delegate.spanEnter(span);
        }

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
            this.delegate.spanExit(span, result, endNanos);
        }

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
            this.delegate.spanDrop(span, error, endNanos);
        }

        @Override
        public Collection<SpanInvocation> openSpanInvocations() {
            return this.delegate.openSpanInvocations();
        }

        Collection<SimpleSpan> openSpans() {
            return this.delegate.openSpans();
        }

        List<SimpleSpan> droppedSpans() {
            return this.delegate.droppedSpans();
        }

        long droppedCount() {
            return this.delegate.droppedCount();
        }

        long completedCount() {
            return this.delegate.completedCount();
        }
    }

    private static final class BrokenSpans implements SpanHandler<SimpleSpan> {

        @Override
        public void spanEnter(SpanInvocation span) {}

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {}

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {}

        @Override
        public Collection<SpanInvocation> openSpanInvocations() {
            throw new IllegalStateException("broken listing");
        }

        @Override
        public void close() {
            throw new IllegalStateException("broken close");
        }
    }
}
