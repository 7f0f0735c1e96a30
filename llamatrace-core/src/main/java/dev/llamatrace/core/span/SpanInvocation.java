package dev.llamatrace.core.span;

import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.internal.Ids;
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
public abstract class SpanInvocation {

    private final String dispatcherName;

    private final String name;

    private final long seq;

    private final @Nullable SpanInvocation parent;

    private final Map<String, Object> tags;

    private final @Nullable Object instance;

    private final Map<String, ?> arguments;

    private final long startNanos;

    private final @Nullable Conversation conversation;

    private @Nullable String id;

    /**
     * Creates a span; called by dispatchers, which own the span's end.
     *
     * @param dispatcherName the name of the dispatcher it was entered on
     * @param name the span name
     * @param parent the parent span, or {@code null} for a root
     * @param tags the tags active when it started
     * @param instance the object whose method the span covers, or {@code null}
     * @param arguments captured call arguments by name
     * @param startNanos the {@link System#nanoTime()} reading at the start
     */
    protected SpanInvocation(
            String dispatcherName,
            String name,
            @Nullable SpanInvocation parent,
            Map<String, Object> tags,
            @Nullable Object instance,
            Map<String, ?> arguments,
            long startNanos) {
        this(dispatcherName, name, parent, tags, null, instance, arguments, startNanos);
    }

    /**
     * Creates a span in a conversation; called by dispatchers, which own the span's end.
     *
     * @param dispatcherName the name of the dispatcher it was entered on
     * @param name the span name
     * @param parent the parent span, or {@code null} for a root
     * @param tags the tags active when it started
     * @param conversation the conversation set where it started, completed from the parent's; {@code null} to take the
     *     parent's
     * @param instance the object whose method the span covers, or {@code null}
     * @param arguments captured call arguments by name
     * @param startNanos the {@link System#nanoTime()} reading at the start
     */
    protected SpanInvocation(
            String dispatcherName,
            String name,
            @Nullable SpanInvocation parent,
            Map<String, Object> tags,
            @Nullable Conversation conversation,
            @Nullable Object instance,
            Map<String, ?> arguments,
            long startNanos) {
        this.dispatcherName = dispatcherName;
        this.name = name;
        this.seq = Ids.next();
        this.parent = parent;
        this.tags = tags;
        this.instance = instance;
        this.arguments = arguments;
        this.startNanos = startNanos;
        Conversation inherited = (parent != null) ? parent.conversation : null;
        this.conversation = (conversation != null) ? conversation.within(inherited) : inherited;
    }

    /**
     * Creates a span that stands for a span of another process, under the id it has there (see {@link #isRemote()}).
     *
     * @param dispatcherName the name of the dispatcher that restored it
     * @param remoteId the id of the remote span, also used as its name
     */
    protected SpanInvocation(String dispatcherName, String remoteId) {
        this.dispatcherName = dispatcherName;
        this.name = remoteId;
        this.seq = 0;
        this.parent = null;
        this.tags = Map.of();
        this.instance = null;
        this.arguments = Map.of();
        this.startNanos = System.nanoTime();
        this.conversation = null;
        this.id = remoteId;
    }

    /**
     * Returns the span id, {@code <name>-<uuid>}: only URL-unreserved characters, unique across processes and
     * restarts.
     *
     * @return the id
     */
    public final String id() {
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
    public final String name() {
        return this.name;
    }

    /**
     * Returns the span that was active when this one started.
     *
     * @return the parent, or {@code null} for a root span
     */
    public final @Nullable SpanInvocation parent() {
        return this.parent;
    }

    /**
     * Returns the id of the parent span.
     *
     * @return the parent id, or {@code null} for a root span
     */
    public final @Nullable String parentId() {
        SpanInvocation parent = this.parent;
        return (parent != null) ? parent.id() : null;
    }

    /**
     * Returns the tags active when this span started.
     *
     * @return an unmodifiable map
     */
    public final Map<String, Object> tags() {
        return this.tags;
    }

    /**
     * Returns the conversation (session) and user this span belongs to: the one set where it started, else its
     * parent's.
     *
     * @return the conversation, or {@code null} when none was set
     */
    public final @Nullable Conversation conversation() {
        return this.conversation;
    }

    /**
     * Returns the object whose method this span covers.
     *
     * @return the instance, or {@code null}
     */
    public final @Nullable Object instance() {
        return this.instance;
    }

    /**
     * Returns the captured call arguments by parameter name; empty unless argument capture is on.
     *
     * @return the arguments
     */
    public final Map<String, ?> arguments() {
        return this.arguments;
    }

    /**
     * Returns the monotonic clock reading taken when the span started.
     *
     * @return a {@link System#nanoTime()} value
     */
    public final long startNanos() {
        return this.startNanos;
    }

    /**
     * Returns the name of the dispatcher this span was entered on.
     *
     * @return the dispatcher name
     */
    public final String dispatcherName() {
        return this.dispatcherName;
    }

    /**
     * Returns whether this span has exited or been dropped.
     *
     * @return {@code true} once ended
     */
    public abstract boolean isEnded();

    /**
     * Ends this span normally, unless it already ended.
     *
     * @param result the result of the covered work, or {@code null}
     */
    public abstract void exit(@Nullable Object result);

    /**
     * Ends this span abnormally, unless it already ended: a {@code SpanDropEvent} is dispatched, then handlers drop it.
     *
     * @param error why it ended
     */
    public abstract void drop(Throwable error);

    /**
     * Returns whether this span stands for a span of another process, restored from a propagation context
     * ({@code Dispatcher.restorePropagationContext}): it is then the parent of spans started here but was never entered
     * here, is ended from the start, and its name is its id.
     *
     * @return {@code true} for a remote span
     */
    public boolean isRemote() {
        return false;
    }

    @Override
    public String toString() {
        return "SpanInvocation[" + id() + "]";
    }
}
