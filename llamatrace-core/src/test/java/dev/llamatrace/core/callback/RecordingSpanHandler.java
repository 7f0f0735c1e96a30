package dev.llamatrace.core.callback;

import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Records span lifecycles for assertions. */
final class RecordingSpanHandler implements SpanHandler<Span> {

    final List<String> log = new CopyOnWriteArrayList<>();

    final Map<String, SpanInvocation> open = new ConcurrentHashMap<>();

    @Override
    public void spanEnter(SpanInvocation span) {
        this.open.put(span.id(), span);
        this.log.add("enter " + span.name() + " parent="
                + ((span.parent() != null) ? span.parent().name() : null));
    }

    @Override
    public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
        this.open.remove(span.id());
        this.log.add("exit " + span.name());
    }

    @Override
    public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
        this.open.remove(span.id());
        this.log.add("drop " + span.name() + " " + error.getMessage());
    }
}
