package dev.llamatrace.core.handler;

import dev.llamatrace.core.HandlerFailures;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Runs a slow handler (one that writes files or calls a remote service) off the application's threads, opt-in: the
 * dispatcher hands each event and span step to this wrapper, which queues it and returns at once; one worker thread
 * delivers them to the wrapped handler in order.
 *
 * <pre>{@code
 * AsyncHandler async = AsyncHandler.of(new AuditFileHandler(path));
 * root.addEventHandler(async);
 * // ... on shutdown: delivers what is queued, then stops the worker and closes the wrapped span handler
 * async.close();
 * }</pre>
 *
 * <p>The queue is bounded ({@value #DEFAULT_CAPACITY} by default): when it is full the new item is dropped and counted
 * in {@link #droppedCount()}, so a stalled handler costs memory up to the queue and never blocks the application. The
 * wrapped handler's failures are isolated and counted like the dispatcher's ({@link #failures()}). It runs on the
 * worker, so it must not read the per-thread trace context; events carry their span id and tags.
 * {@link #flush()} waits for what is queued; {@link #close()} flushes, stops the worker and closes the wrapped span
 * handler, and is what a dispatcher shutdown or the Spring context calls. The built-in handlers stay synchronous.
 */
public final class AsyncHandler implements EventHandler, SpanHandler<Span>, AutoCloseable {

    /** The default number of queued items. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private static final Runnable STOP = () -> {};

    private final Object delegate;

    private final @Nullable EventHandler events;

    private final @Nullable SpanHandler<?> spans;

    private final BlockingQueue<Runnable> queue;

    private final LongAdder dropped = new LongAdder();

    private final HandlerFailures failures = new HandlerFailures();

    private final Thread worker;

    private volatile boolean closed;

    private AsyncHandler(Object delegate, int capacity) {
        if (!(delegate instanceof EventHandler) && !(delegate instanceof SpanHandler)) {
            throw new IllegalArgumentException("Not an EventHandler nor a SpanHandler: " + delegate);
        }
        this.delegate = delegate;
        this.events = (delegate instanceof EventHandler handler) ? handler : null;
        this.spans = (delegate instanceof SpanHandler<?> handler) ? handler : null;
        this.queue = new ArrayBlockingQueue<>(BoundedBuffer.requirePositive(capacity, "capacity"));
        this.worker =
                new Thread(this::work, "llamatrace-async-" + delegate.getClass().getSimpleName());
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /**
     * Wraps a handler with a queue of {@value #DEFAULT_CAPACITY} items.
     *
     * @param handler an {@link EventHandler}, a {@link SpanHandler} or both
     * @return the wrapper; attach it where the handler would have been attached
     */
    public static AsyncHandler of(Object handler) {
        return of(handler, DEFAULT_CAPACITY);
    }

    /**
     * Wraps a handler.
     *
     * @param handler an {@link EventHandler}, a {@link SpanHandler} or both
     * @param capacity the most queued items, at least 1
     * @return the wrapper; attach it where the handler would have been attached
     */
    public static AsyncHandler of(Object handler, int capacity) {
        return new AsyncHandler(handler, capacity);
    }

    @Override
    public void handle(Event event) {
        EventHandler events = this.events;
        if (events != null) {
            submit(() -> events.handle(event));
        }
    }

    @Override
    public void spanEnter(SpanInvocation span) {
        SpanHandler<?> spans = this.spans;
        if (spans != null) {
            submit(() -> spans.spanEnter(span));
        }
    }

    @Override
    public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
        SpanHandler<?> spans = this.spans;
        if (spans != null) {
            submit(() -> spans.spanExit(span, result, endNanos));
        }
    }

    @Override
    public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
        SpanHandler<?> spans = this.spans;
        if (spans != null) {
            submit(() -> spans.spanDrop(span, error, endNanos));
        }
    }

    private void submit(Runnable task) {
        if (this.closed || !this.queue.offer(task)) {
            this.dropped.increment();
        }
    }

    private void work() {
        while (true) {
            Runnable task;
            try {
                task = this.queue.take();
            } catch (InterruptedException ex) {
                // Only close() may stop the worker; an interrupt from elsewhere is not a reason to lose items.
                continue;
            }
            if (task == STOP) {
                return;
            }
            try {
                task.run();
            } catch (Throwable ex) {
                // The worker is ours: even a fatal error stops at it, after being counted and logged.
                this.failures.isolate(this.delegate, "async delivery", ex, null);
            }
        }
    }

    /**
     * Waits until every item queued before this call was delivered. Blocks while the queue is full.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void flush() throws InterruptedException {
        if (Thread.currentThread() == this.worker || !this.worker.isAlive()) {
            return;
        }
        CountDownLatch delivered = new CountDownLatch(1);
        this.queue.put(delivered::countDown);
        delivered.await();
    }

    /**
     * Delivers what is queued, stops the worker and closes the wrapped span handler; later items are dropped and
     * counted. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (this.closed) {
                return;
            }
            this.closed = true;
        }
        boolean interrupted = false;
        while (this.worker.isAlive()) {
            try {
                this.queue.put(STOP);
                this.worker.join();
            } catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        SpanHandler<?> spans = this.spans;
        if (spans != null) {
            spans.close();
        }
    }

    /**
     * Returns the wrapped handler.
     *
     * @return the handler
     */
    public Object delegate() {
        return this.delegate;
    }

    /**
     * Returns how many items were dropped because the queue was full or the wrapper closed.
     *
     * @return the count
     */
    public long droppedCount() {
        return this.dropped.sum();
    }

    /**
     * Returns the failures of the wrapped handler, isolated on the worker.
     *
     * @return the failure policy and count
     */
    public HandlerFailures failures() {
        return this.failures;
    }

    /**
     * Returns how many items wait to be delivered.
     *
     * @return the queue length
     */
    public int queued() {
        return this.queue.size();
    }

    @Override
    public String toString() {
        return "AsyncHandler[" + this.delegate + "]";
    }
}
