package dev.llamatrace.autoconfigure.support;

import static org.awaitility.Awaitility.await;

import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Records every span and event it sees, with the thread each span ended on, for assertions. */
public final class Recorder implements EventHandler, SpanHandler<Span> {

    private final List<Recorded> spans = new CopyOnWriteArrayList<>();

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void handle(Event event) {
        this.events.add(event);
    }

    @Override
    public void spanEnter(SpanInvocation span) {
        this.spans.add(new Recorded(span));
    }

    @Override
    public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
        recorded(span).end(result, null);
    }

    @Override
    public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
        recorded(span).end(null, error);
    }

    /** Forgets everything recorded so far. */
    public void clear() {
        this.spans.clear();
        this.events.clear();
    }

    /**
     * Returns the spans entered, in order.
     *
     * @return the spans
     */
    public List<Recorded> spans() {
        return this.spans;
    }

    /**
     * Returns the events dispatched, in order.
     *
     * @return the events
     */
    public List<Event> events() {
        return this.events;
    }

    /**
     * Returns the events of a type, in order.
     *
     * @param type the event type
     * @param <E> the event type
     * @return the events
     */
    public <E extends Event> List<E> events(Class<E> type) {
        return this.events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Returns the span with a name.
     *
     * @param name the span name
     * @return the only span of that name
     */
    public Recorded span(String name) {
        List<Recorded> named =
                this.spans.stream().filter((s) -> s.name().equals(name)).toList();
        if (named.size() != 1) {
            throw new AssertionError("Expected one span named '" + name + "' but got " + this.spans);
        }
        return named.get(0);
    }

    /**
     * Returns the span with a name, if any.
     *
     * @param name the span name
     * @return the span
     */
    public Optional<Recorded> findSpan(String name) {
        return this.spans.stream().filter((s) -> s.name().equals(name)).findFirst();
    }

    /**
     * Waits until {@code count} spans have been entered and every one ended.
     *
     * @param count the expected number of spans
     */
    public void awaitEnded(int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> this.spans.size() >= count && this.spans.stream().allMatch(Recorded::ended));
        if (this.spans.size() != count) {
            throw new AssertionError("Expected " + count + " spans but got " + this.spans);
        }
    }

    private Recorded recorded(SpanInvocation span) {
        return this.spans.stream()
                .filter((s) -> s.invocation() == span)
                .findFirst()
                .orElseThrow(() -> new AssertionError("Unknown span " + span));
    }

    /** A span as recorded. */
    public static final class Recorded {

        private final SpanInvocation invocation;

        private volatile boolean ended;

        private volatile @Nullable Object result;

        private volatile @Nullable Throwable error;

        private volatile @Nullable String endThread;

        Recorded(SpanInvocation invocation) {
            this.invocation = invocation;
        }

        void end(@Nullable Object result, @Nullable Throwable error) {
            this.result = result;
            this.error = error;
            this.endThread = Thread.currentThread().getName();
            this.ended = true;
        }

        public SpanInvocation invocation() {
            return this.invocation;
        }

        public String id() {
            return this.invocation.id();
        }

        public String name() {
            return this.invocation.name();
        }

        public @Nullable String parentId() {
            return this.invocation.parentId();
        }

        public boolean ended() {
            return this.ended;
        }

        public @Nullable Object result() {
            return this.result;
        }

        public @Nullable Throwable error() {
            return this.error;
        }

        public @Nullable String endThread() {
            return this.endThread;
        }

        @Override
        public String toString() {
            return this.invocation.id() + "(parent=" + parentId() + ", ended=" + this.ended + ")";
        }
    }
}
