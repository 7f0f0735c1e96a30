package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.autoconfigure.springai.ObservationSpans.Traced;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.HandlerVetoException;
import dev.llamatrace.core.Operation;
import dev.llamatrace.core.context.Conversations;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.event.ExceptionEvent;
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

    /** Returns the conversation the observation names (a chat-memory conversation id), or null. */
    @Nullable
    Conversation conversation(C context) {
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
        // The context is the span's instance: the tracing bridge adds its attributes to this observation instead of
        // exporting a second span for the same call. A refusal ends the operation and refuses the call.
        Conversation conversation = conversation(context);
        Operation operation;
        try (TraceContext.Scope scope =
                (conversation != null) ? Conversations.open(conversation) : TraceContext.Scope.NOOP) {
            operation = dispatcher.operation(
                    spanName(context),
                    ObservationSpans.parentOf(context),
                    context,
                    arguments(context),
                    (spanId) -> started(context, dispatcher, spanId));
        }
        if (operation != Operation.NOOP) {
            context.put(ObservationSpans.KEY, new Traced(operation));
        }
    }

    @Override
    public void onStop(C context) {
        Traced traced = ObservationSpans.tracedOf(context);
        if (traced == null) {
            return;
        }
        Operation operation = traced.operation();
        Throwable error = context.getError();
        Throwable incomplete = (error != null) ? null : incomplete(context);
        try {
            if (error != null) {
                operation.fail(error, (spanId) -> this.dispatcher.event(() -> new ExceptionEvent(spanId, error)));
            } else if (incomplete != null) {
                operation.fail(incomplete);
            } else {
                operation.end((spanId) -> stopped(context, this.dispatcher, spanId), result(context));
            }
        } catch (HandlerVetoException veto) {
            // Throwing here would skip the other observation handlers (tracing, meters) and leak their state.
            logger.debug("llamatrace handler refused after the call completed; ignored", veto);
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
