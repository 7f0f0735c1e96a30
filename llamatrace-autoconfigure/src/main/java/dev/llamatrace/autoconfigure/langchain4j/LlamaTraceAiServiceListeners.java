package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.event.AgentRunStepEndEvent;
import dev.llamatrace.core.event.AgentRunStepStartEvent;
import dev.llamatrace.core.event.GuardrailEvent;
import dev.llamatrace.core.span.AbandonedSpanException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * LangChain4j AI-service listeners that turn each invocation of an {@code AiServices} interface into an AGENT span
 * named {@code invoke_agent <interface>}, with {@link AgentRunStepStartEvent} and
 * {@link AgentRunStepEndEvent}; one TOOL span {@code execute_tool <tool>} per tool execution
 * with its arguments and result; guardrail outcomes as {@link GuardrailEvent}s; a failed invocation drops its span with
 * the exception. The {@code chat <model>} spans of its model rounds come from {@link LlamaTraceChatModelListener} on the
 * service's model and nest under the agent, on whatever thread the round starts.
 *
 * <p>The chat memory id of an invocation (its {@code @MemoryId} argument, which LangChain4j 1.19 gives AI-service
 * listeners only, never a {@code ChatModelListener}: langchain4j#2927) is the conversation of its agent span and of
 * every span under it.
 *
 * <p>Register them where the service is built, one line:
 * {@code AiServices.builder(Assistant.class).chatModel(model).registerListeners(listeners.listeners()).build()}.
 *
 * <p>Invocations in progress are bounded: beyond {@value #MAX_OPEN_INVOCATIONS} the oldest are dropped with an
 * {@link AbandonedSpanException} and counted in {@link #evictedCount()}, so invocations whose completion is never
 * reported (a token stream nobody starts) cannot grow memory.
 */
public final class LlamaTraceAiServiceListeners {

    /** The memory id LangChain4j gives every AI service without a {@code @MemoryId} parameter. */
    public static final String DEFAULT_MEMORY_ID = "default";

    /** The cap on invocations traced at once. */
    public static final int MAX_OPEN_INVOCATIONS = 10_000;

    private final Dispatcher dispatcher;

    /** The listeners and their invocations in progress, created on first use. */
    private volatile @Nullable AiServiceTracing tracing;

    /**
     * Creates the listeners.
     *
     * @param dispatcher the dispatcher spans and events go to
     */
    public LlamaTraceAiServiceListeners(Dispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /**
     * Returns the listeners to register on an AI service, e.g. with {@code AiServices.registerListeners(...)}.
     *
     * @return the listeners, one per AI-service event type; the same list on every call
     */
    public List<AiServiceListener<?>> listeners() {
        return tracing().listeners();
    }

    /**
     * Returns how many invocations were dropped because more than {@value #MAX_OPEN_INVOCATIONS} were open.
     *
     * @return the count
     */
    public long evictedCount() {
        AiServiceTracing tracing = this.tracing;
        return (tracing != null) ? tracing.evictedCount() : 0;
    }

    private AiServiceTracing tracing() {
        AiServiceTracing tracing = this.tracing;
        if (tracing == null) {
            synchronized (this) {
                tracing = this.tracing;
                if (tracing == null) {
                    tracing = new AiServiceTracing(this.dispatcher);
                    this.tracing = tracing;
                }
            }
        }
        return tracing;
    }
}
