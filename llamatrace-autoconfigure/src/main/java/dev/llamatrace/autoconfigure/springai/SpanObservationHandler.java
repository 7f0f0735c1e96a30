package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.autoconfigure.springai.ObservationSpans.Traced;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.HandlerVetoException;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.span.SpanInvocation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Turns one kind of Spring AI observation into a llamatrace span: entered when the observation starts, ended when it
 * stops (dropped when it recorded an error), and active on the thread while the observation's scope is open, so that
 * spans and events the application creates inside (a {@code @LlamaSpan} tool method) nest under it.
 *
 * <p>The observation's context is the span's instance ({@link dev.llamatrace.core.span.SpanInvocation#instance()}), which
 * lets the tracing bridge put GenAI and OpenInference attributes on the observation Spring AI exports rather than
 * export another span. Those attributes come from the events dispatched here, so the end events are dispatched from
 * {@link #onStop}, which runs before the tracing handler's when this handler was registered after it (as Spring Boot
 * registers it).
 *
 * <p>Nothing here relies on the thread that stops the observation: a streamed call stops on the provider's reader
 * thread, so the span travels in the observation context. A refusal by a handler ({@link HandlerVetoException}, e.g. a
 * token budget) at start propagates and so refuses the call; at stop the call already happened and it is only logged.
 *
 * @param <C> the observation context type
 */
abstract class SpanObservationHandler<C extends Observation.Context> implements ObservationHandler<C> {

    private static final Log logger = LogFactory.getLog(SpanObservationHandler.class);

    private final Dispatcher dispatcher;

    private final Class<C> contextType;

    SpanObservationHandler(Dispatcher dispatcher, Class<C> contextType) {
        this.dispatcher = dispatcher;
        this.contextType = contextType;
    }

    /** Returns the span name for an observation; low-cardinality by construction. */
    abstract String spanName(C context);

    /** Returns the arguments recorded on the span. */
    Map<String, ?> arguments(C context) {
        return Map.of();
    }

    /** Dispatches the start events of an observation, stamped with {@code spanId}. */
    abstract void started(C context, Dispatcher dispatcher, @Nullable String spanId);

    /** Dispatches the end events of an observation that completed, stamped with {@code spanId}. */
    abstract void stopped(C context, Dispatcher dispatcher, @Nullable String spanId);

    /** Returns the result the span exits with. */
    @Nullable
    Object result(C context) {
        return null;
    }

    /** Returns why an observation that recorded no error still did not complete (a cancelled stream), or null. */
    @Nullable
    Throwable incomplete(C context) {
        return null;
    }

    @Override
    public final boolean supportsContext(Observation.Context context) {
        return this.contextType.isInstance(context);
    }

    @Override
    public void onStart(C context) {
        Dispatcher dispatcher = this.dispatcher;
        if (!dispatcher.hasSpanHandlers() && !dispatcher.hasEventHandlers()) {
            return;
        }
        SpanInvocation parent = ObservationSpans.parentOf(context);
        // The context is the span's instance: the tracing bridge adds its attributes to this observation instead of
        // exporting a second span for the same call.
        SpanInvocation span = dispatcher.spanEnter(spanName(context), parent, context, arguments(context));
        String spanId = (span != null) ? span.id() : (parent != null) ? parent.id() : null;
        context.put(ObservationSpans.KEY, new Traced(span, spanId));
        try {
            started(context, dispatcher, spanId);
        } catch (HandlerVetoException veto) {
            if (span != null) {
                dispatcher.spanDrop(span, veto);
            }
            throw veto;
        }
    }

    @Override
    public void onStop(C context) {
        Traced traced = ObservationSpans.tracedOf(context);
        if (traced == null) {
            return;
        }
        Throwable error = context.getError();
        Throwable incomplete = (error != null) ? null : incomplete(context);
        try {
            if (error != null) {
                this.dispatcher.event(() -> new ExceptionEvent(traced.spanId(), error));
            } else if (incomplete == null) {
                stopped(context, this.dispatcher, traced.spanId());
            }
        } catch (HandlerVetoException veto) {
            // Throwing here would skip the other observation handlers (tracing, meters) and leak their state.
            logger.debug("llamatrace handler refused after the call completed; ignored", veto);
        } finally {
            SpanInvocation span = traced.span();
            if (span != null) {
                if (error != null) {
                    this.dispatcher.spanDrop(span, error);
                } else if (incomplete != null) {
                    this.dispatcher.spanDrop(span, incomplete);
                } else {
                    this.dispatcher.spanExit(span, result(context));
                }
            }
        }
    }

    @Override
    public void onScopeOpened(C context) {
        Traced traced = ObservationSpans.tracedOf(context);
        if (traced != null && traced.span() != null) {
            ObservationSpans.pushScope(traced.span());
        }
    }

    @Override
    public void onScopeClosed(C context) {
        Traced traced = ObservationSpans.tracedOf(context);
        if (traced != null && traced.span() != null) {
            ObservationSpans.popScope();
        }
    }

    @Override
    public void onScopeReset(C context) {
        ObservationSpans.resetScopes();
    }
}
