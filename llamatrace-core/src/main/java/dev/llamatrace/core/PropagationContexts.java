package dev.llamatrace.core;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Captures and restores the context that crosses a process boundary (LlamaIndex's
 * {@code capture_propagation_context}/{@code restore_propagation_context}), for {@link Dispatcher}.
 */
final class PropagationContexts {

    private PropagationContexts() {}

    static Map<String, Object> capture(SpanHandler<?>[] handlers, HandlerFailures failures) {
        Map<String, Object> context = new LinkedHashMap<>();
        SpanInvocation active = TraceContext.currentSpan();
        if (active != null) {
            context.put(Dispatcher.PROPAGATED_SPAN_ID, active.id());
        }
        Error fatal = null;
        for (SpanHandler<?> handler : handlers) {
            try {
                context.putAll(handler.capturePropagationContext());
            } catch (Throwable ex) {
                fatal = failures.isolate(handler, "capturePropagationContext", ex, fatal);
            }
        }
        Map<String, Object> tags = TraceContext.currentTags();
        if (!tags.isEmpty()) {
            context.put(Dispatcher.INSTRUMENT_TAGS, Map.copyOf(tags));
        }
        if (fatal != null) {
            throw fatal;
        }
        return Collections.unmodifiableMap(context);
    }

    static TraceContext.Scope restore(
            Dispatcher dispatcher, SpanHandler<?>[] handlers, HandlerFailures failures, Map<String, ?> context) {
        Map<String, ?> copy = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        Error fatal = null;
        for (SpanHandler<?> handler : handlers) {
            try {
                handler.restorePropagationContext(copy);
            } catch (Throwable ex) {
                fatal = failures.isolate(handler, "restorePropagationContext", ex, fatal);
            }
        }
        if (fatal != null) {
            throw fatal;
        }
        SpanInvocation remote = remoteSpan(dispatcher, copy.get(Dispatcher.PROPAGATED_SPAN_ID));
        Map<String, Object> tags = tags(copy.get(Dispatcher.INSTRUMENT_TAGS));
        TraceContext.Snapshot previous = TraceContext.capture();
        if (remote == null && tags == null) {
            return TraceContext.Scope.NOOP;
        }
        return new TraceContext.Snapshot(
                        (remote != null) ? remote : previous.span(), (tags != null) ? tags : previous.tags())
                .restore();
    }

    private static @Nullable SpanInvocation remoteSpan(Dispatcher dispatcher, @Nullable Object spanId) {
        return (spanId instanceof String id && !id.isBlank()) ? new RemoteSpan(dispatcher, id) : null;
    }

    /** The propagated tags, or {@code null} when there are none (then the active tags stay). */
    private static @Nullable Map<String, Object> tags(@Nullable Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            return null;
        }
        Map<String, Object> tags = new LinkedHashMap<>();
        map.forEach((key, tag) -> {
            if (key != null && tag != null) {
                tags.put(key.toString(), tag);
            }
        });
        return tags.isEmpty() ? null : Collections.unmodifiableMap(tags);
    }
}
