package dev.llamatrace.core;

import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Records what a test's handlers saw, in order, from any thread. */
public final class RecordingHandler implements SpanHandler<Span>, EventHandler {

    public final List<String> log = new CopyOnWriteArrayList<>();

    public final Map<String, SpanInvocation> entered = new ConcurrentHashMap<>();

    public final Map<String, Object> results = new ConcurrentHashMap<>();

    public final Map<String, Throwable> errors = new ConcurrentHashMap<>();

    public final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void spanEnter(SpanInvocation span) {
        this.entered.put(span.id(), span);
        this.log.add("enter " + span.name() + " parent=" + parentName(span));
    }

    @Override
    public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
        if (result != null) {
            this.results.put(span.id(), result);
        }
        this.log.add("exit " + span.name());
    }

    @Override
    public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
        this.errors.put(span.id(), error);
        this.log.add("drop " + span.name() + " " + error.getClass().getSimpleName());
    }

    @Override
    public void handle(Event event) {
        this.events.add(event);
        this.log.add("event " + event.className());
    }

    public SpanInvocation span(String name) {
        return this.entered.values().stream()
                .filter((span) -> span.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span named " + name + " in " + this.log));
    }

    public Throwable error(String name) {
        return this.errors.get(span(name).id());
    }

    private static String parentName(SpanInvocation span) {
        SpanInvocation parent = span.parent();
        return (parent != null) ? parent.name() : "none";
    }
}
