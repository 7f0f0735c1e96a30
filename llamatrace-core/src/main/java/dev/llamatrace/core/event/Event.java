package dev.llamatrace.core.event;

import dev.llamatrace.core.context.Conversations;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.internal.Ids;
import dev.llamatrace.core.internal.TimeAnchor;
import dev.llamatrace.core.span.SpanInvocation;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A single moment in the application worth telling handlers about.
 *
 * <p>An event gets a globally unique id, a timestamp and the id of the span active when it is <em>constructed</em>
 * (pass a span id explicitly to stamp it on another span, e.g. for streaming chunks consumed on another thread).
 * and the tags active then; it is immutable afterwards. Define your own events by subclassing:
 *
 * <pre>{@code
 * final class MyEvent extends Event {
 *     private final String newField;
 *     MyEvent(String newField) { this.newField = newField; }
 *     public String newField() { return newField; }
 * }
 * dispatcher.event(new MyEvent("value"));
 * }</pre>
 *
 * <p>The same event object is handed to every handler on the dispatch path; handlers must treat it as read-only.
 */
public abstract class Event {

    private final long seq;

    private final long nanoTime;

    private final @Nullable String spanId;

    private final Map<String, Object> tags;

    private final @Nullable Conversation conversation;

    private @Nullable String id;

    /** Creates an event stamped with the span active on this thread. */
    protected Event() {
        this(TraceContext.currentSpanId());
    }

    /**
     * Creates an event stamped with an explicit span id.
     *
     * @param spanId the span this event belongs to, or {@code null} for none
     */
    protected Event(@Nullable String spanId) {
        this.seq = Ids.next();
        this.nanoTime = System.nanoTime();
        this.spanId = spanId;
        this.tags = TraceContext.currentTags();
        this.conversation = conversationOf(spanId);
    }

    /**
     * Creates a stand-in for an event, with its id, time, span and tags, for handlers that keep a reduced form of the
     * events they record (e.g. without their content).
     *
     * @param original the event stood in for
     */
    protected Event(Event original) {
        this.seq = original.seq;
        this.nanoTime = original.nanoTime;
        this.spanId = original.spanId;
        this.tags = original.tags;
        this.conversation = original.conversation;
        this.id = original.id;
    }

    /** The conversation set on this thread, else the one of the event's span when that is the active span. */
    private static @Nullable Conversation conversationOf(@Nullable String spanId) {
        Conversation own = Conversations.current();
        if (own != null || spanId == null) {
            return own;
        }
        SpanInvocation active = TraceContext.currentSpan();
        return (active != null && spanId.equals(active.id())) ? active.conversation() : null;
    }

    /**
     * Returns this event's id, {@code evt-<uuid>}: safe in URLs and unique across processes and restarts.
     *
     * @return the id
     */
    public final String id() {
        String id = this.id;
        if (id == null) {
            id = "evt-" + Ids.format(this.seq);
            this.id = id;
        }
        return id;
    }

    /**
     * Returns when this event was created.
     *
     * @return the wall-clock instant
     */
    public final Instant timestamp() {
        return TimeAnchor.toInstant(this.nanoTime);
    }

    /**
     * Returns the monotonic clock reading taken when this event was created, for durations.
     *
     * @return a {@link System#nanoTime()} value
     */
    public final long nanoTime() {
        return this.nanoTime;
    }

    /**
     * Returns the id of the span this event belongs to.
     *
     * @return the span id, or {@code null} when created outside any span
     */
    public final @Nullable String spanId() {
        return this.spanId;
    }

    /**
     * Returns the tags active on the thread that created this event.
     *
     * @return an unmodifiable map
     */
    public final Map<String, Object> tags() {
        return this.tags;
    }

    /**
     * Returns the conversation (session) and user this event belongs to: the one set on the thread that created it,
     * else that of its span when it was created inside it.
     *
     * @return the conversation, or {@code null} when none was set
     */
    public final @Nullable Conversation conversation() {
        return this.conversation;
    }

    /**
     * Returns the name of this event type, e.g. {@code LLMChatEndEvent}.
     *
     * @return the class name
     */
    public String className() {
        return getClass().getSimpleName();
    }

    /**
     * Returns the kind of operation this event reports on; consumers key statistics, meters and span kinds on it.
     *
     * @return the kind, or {@code null} when this event reports on no operation of a known kind
     */
    public @Nullable EventKind kind() {
        return null;
    }

    /**
     * Returns where in its operation this event happens.
     *
     * @return the phase; {@link EventPhase#INSTANT} unless overridden
     */
    public EventPhase phase() {
        return EventPhase.INSTANT;
    }

    @Override
    public String toString() {
        return className() + "[id=" + id() + ", spanId=" + this.spanId + "]";
    }
}
