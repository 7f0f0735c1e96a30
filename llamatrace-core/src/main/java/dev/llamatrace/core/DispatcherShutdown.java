package dev.llamatrace.core;

import dev.llamatrace.core.span.AbandonedSpanException;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Shuts span handlers down, once each per registry (LlamaIndex's {@code Dispatcher.shutdown}): every span still open
 * in a handler is dropped through that handler alone, with one shared {@link AbandonedSpanException}, then the handler
 * is closed. No {@code SpanDropEvent} is dispatched. Failures are isolated and counted like any handler failure.
 */
final class DispatcherShutdown {

    /** Handlers already shut down; weak, so a discarded handler is not kept alive by having been shut down. */
    private final Set<SpanHandler<?>> done =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final HandlerFailures failures;

    DispatcherShutdown(HandlerFailures failures) {
        this.failures = failures;
    }

    int shutdown(SpanHandler<?>[] handlers) {
        AbandonedSpanException error = AbandonedSpanException.shutdown();
        int dropped = 0;
        Error fatal = null;
        for (SpanHandler<?> handler : handlers) {
            if (!this.done.add(handler)) {
                continue;
            }
            List<SpanInvocation> open;
            try {
                open = List.copyOf(handler.openSpanInvocations());
            } catch (Throwable ex) {
                fatal = this.failures.isolate(handler, "openSpanInvocations", ex, fatal);
                open = List.of();
            }
            long endNanos = System.nanoTime();
            for (SpanInvocation span : open) {
                try {
                    handler.spanDrop(span, error, endNanos);
                    dropped++;
                } catch (Throwable ex) {
                    fatal = this.failures.isolate(handler, "spanDrop", ex, fatal);
                }
            }
            try {
                handler.close();
            } catch (Throwable ex) {
                fatal = this.failures.isolate(handler, "close", ex, fatal);
            }
        }
        if (fatal != null) {
            throw fatal;
        }
        return dropped;
    }
}
