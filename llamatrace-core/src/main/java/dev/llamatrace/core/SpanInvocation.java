package dev.llamatrace.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entered span as the dispatcher sees it: its id, name, parent, the tags active when it started, the instance and
 * arguments of the call it covers, and its start time. Span handlers receive it at enter, exit and drop.
 *
 * <p>The id is {@code <name>-<uuid>}, the name made URL-safe ({@link Ids#spanId}), unique across processes; for a method
 * span the name is {@code <runtime simple class name>.<method>}. It is built on first use, so handlers that never ask
 * for it cost no string. A span ends exactly once: the first of
 * {@link #exit(Object)} and {@link #drop(Throwable)} wins and later calls do nothing.
 */
public final class SpanInvocation {

    private static final VarHandle ENDED;

    static {
        try {
            ENDED = MethodHandles.lookup().findVarHandle(SpanInvocation.class, "ended", int.class);
        } catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final Dispatcher dispatcher;

    private final String name;

    private final long seq;

    private final @Nullable SpanInvocation parent;

    private final Map<String, Object> tags;

    private final @Nullable Object instance;

    private final Map<String, ?> arguments;

    private final long startNanos;

    private @Nullable String id;

    @SuppressWarnings("unused") // accessed through ENDED
    private volatile int ended;

    SpanInvocation(
            Dispatcher dispatcher,
            String name,
            @Nullable SpanInvocation parent,
            Map<String, Object> tags,
            @Nullable Object instance,
            Map<String, ?> arguments,
            long startNanos) {
        this.dispatcher = dispatcher;
        this.name = name;
        this.seq = Ids.next();
        this.parent = parent;
        this.tags = tags;
        this.instance = instance;
        this.arguments = arguments;
        this.startNanos = startNanos;
    }

    /**
     * Returns the span id, {@code <name>-<uuid>}: only URL-unreserved characters, unique across processes and
     * restarts.
     *
     * @return the id
     */
    public String id() {
        String id = this.id;
        if (id == null) {
            id = Ids.spanId(this.name, this.seq);
            this.id = id;
        }
        return id;
    }

    /**
     * Returns the span name as given; the id starts with it, made URL-safe.
     *
     * @return the name
     */
    public String name() {
        return this.name;
    }

    /**
     * Returns the span that was active when this one started.
     *
     * @return the parent, or {@code null} for a root span
     */
    public @Nullable SpanInvocation parent() {
        return this.parent;
    }

    /**
     * Returns the id of the parent span.
     *
     * @return the parent id, or {@code null} for a root span
     */
    public @Nullable String parentId() {
        SpanInvocation parent = this.parent;
        return (parent != null) ? parent.id() : null;
    }

    /**
     * Returns the tags active when this span started.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> tags() {
        return this.tags;
    }

    /**
     * Returns the object whose method this span covers.
     *
     * @return the instance, or {@code null}
     */
    public @Nullable Object instance() {
        return this.instance;
    }

    /**
     * Returns the captured call arguments by parameter name; empty unless argument capture is on.
     *
     * @return the arguments
     */
    public Map<String, ?> arguments() {
        return this.arguments;
    }

    /**
     * Returns the monotonic clock reading taken when the span started.
     *
     * @return a {@link System#nanoTime()} value
     */
    public long startNanos() {
        return this.startNanos;
    }

    /**
     * Returns the dispatcher this span was entered on.
     *
     * @return the dispatcher
     */
    public Dispatcher dispatcher() {
        return this.dispatcher;
    }

    /**
     * Returns whether this span has exited or been dropped.
     *
     * @return {@code true} once ended
     */
    public boolean isEnded() {
        return this.ended != 0;
    }

    /**
     * Ends this span normally, unless it already ended.
     *
     * @param result the result of the covered work, or {@code null}
     */
    public void exit(@Nullable Object result) {
        this.dispatcher.spanExit(this, result);
    }

    /**
     * Ends this span abnormally, unless it already ended: a {@code SpanDropEvent} is dispatched, then handlers drop it.
     *
     * @param error why it ended
     */
    public void drop(Throwable error) {
        this.dispatcher.spanDrop(this, error);
    }

    /**
     * Makes this span the active span of the current thread until the scope closes, so spans and events created there
     * become its children.
     *
     * @return a scope restoring the previously active span
     */
    public TraceContext.Scope makeCurrent() {
        return TraceContext.activate(this);
    }

    boolean markEnded() {
        return ENDED.compareAndSet(this, 0, 1);
    }

    @Override
    public String toString() {
        return "SpanInvocation[" + id() + "]";
    }
}
