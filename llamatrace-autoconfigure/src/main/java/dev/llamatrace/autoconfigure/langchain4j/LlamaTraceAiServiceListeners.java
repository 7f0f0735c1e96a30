package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.guardrail.GuardrailResult;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.event.GuardrailExecutedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.AiServiceRequestIssuedListener;
import dev.langchain4j.observability.api.listener.AiServiceResponseReceivedListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import dev.langchain4j.observability.api.listener.InputGuardrailExecutedListener;
import dev.langchain4j.observability.api.listener.OutputGuardrailExecutedListener;
import dev.langchain4j.observability.api.listener.ToolExecutedEventListener;
import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.Operation;
import dev.llamatrace.core.context.Conversations;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.event.AgentRunStepStartEvent;
import dev.llamatrace.core.event.GuardrailEvent;
import dev.llamatrace.core.span.AbandonedSpanException;
import dev.llamatrace.core.span.BoundedOpenMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * LangChain4j AI-service listeners that turn each invocation of an {@code AiServices} interface into an AGENT span
 * named {@code invoke_agent <interface>}, with {@link AgentRunStepStartEvent} and
 * {@link dev.llamatrace.core.event.AgentRunStepEndEvent}; one TOOL span {@code execute_tool <tool>} per tool execution
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

    private final BoundedOpenMap<AgentRun> open = new BoundedOpenMap<>(
            MAX_OPEN_INVOCATIONS,
            (id, run) -> run.abandon(AbandonedSpanException.evicted(
                    Objects.requireNonNullElse(run.spanId(), id), MAX_OPEN_INVOCATIONS)));

    private final List<AiServiceListener<?>> listeners;

    /**
     * Creates the listeners.
     *
     * @param dispatcher the dispatcher spans and events go to
     */
    public LlamaTraceAiServiceListeners(Dispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.listeners = List.of(
                (AiServiceStartedListener) this::started,
                (AiServiceRequestIssuedListener)
                        (event) -> withRun(event.invocationContext(), (run) -> run.requestIssued(event.request())),
                (AiServiceResponseReceivedListener)
                        (event) -> withRun(event.invocationContext(), (run) -> run.responseReceived(event.response())),
                (ToolExecutedEventListener) (event) -> withRun(
                        event.invocationContext(), (run) -> run.toolExecuted(event.request(), event.resultText())),
                (InputGuardrailExecutedListener) (event) -> guardrail(event, GuardrailEvent.Stage.INPUT),
                (OutputGuardrailExecutedListener) (event) -> guardrail(event, GuardrailEvent.Stage.OUTPUT),
                (AiServiceCompletedListener) (event) -> {
                    AgentRun run = this.open.take(key(event.invocationContext()));
                    if (run != null) {
                        run.completed(event.result().orElse(null));
                    }
                },
                (AiServiceErrorListener) (event) -> {
                    AgentRun run = this.open.take(key(event.invocationContext()));
                    if (run != null) {
                        run.failed(event.error());
                    }
                });
    }

    /**
     * Returns the listeners to register on an AI service, e.g. with {@code AiServices.registerListeners(...)}.
     *
     * @return the listeners, one per AI-service event type
     */
    public List<AiServiceListener<?>> listeners() {
        return this.listeners;
    }

    /**
     * Returns how many invocations were dropped because more than {@value #MAX_OPEN_INVOCATIONS} were open.
     *
     * @return the count
     */
    public long evictedCount() {
        return this.open.evictedCount();
    }

    private void started(AiServiceStartedEvent event) {
        InvocationContext invocation = event.invocationContext();
        String agent = agentName(invocation.interfaceName());
        String input = LangChain4jPayloads.text(event.userMessage());
        String taskId = String.valueOf(invocation.invocationId());
        Conversation conversation = conversation(invocation.chatMemoryId());
        Operation operation;
        // The agent span is in the conversation of the memory id; its chat, tool and retrieval spans inherit it.
        try (TraceContext.Scope scope =
                (conversation != null) ? Conversations.open(conversation) : TraceContext.Scope.NOOP) {
            operation = this.dispatcher.operation(
                    GenAiNames.spanName(GenAiNames.INVOKE_AGENT, agent),
                    TraceContext.currentSpan(),
                    null,
                    Map.of(),
                    (id) -> this.dispatcher.event(() -> new AgentRunStepStartEvent(id, taskId, agent, input)));
        }
        if (operation == Operation.NOOP) {
            return;
        }
        // Only a blocking invocation completes on this thread; a streamed one must not leave its span active here.
        AgentRun run = new AgentRun(this.dispatcher, operation, AiServiceMethods.blocking(invocation));
        if (!this.open.put(key(invocation), run, System.nanoTime())) {
            run.completed(null);
        }
    }

    private void guardrail(GuardrailExecutedEvent<?, ?, ?> event, GuardrailEvent.Stage stage) {
        AgentRun run = this.open.get(key(event.invocationContext()));
        if (run == null) {
            return;
        }
        GuardrailResult<?> result = event.result();
        String outcome = result.result().name().toLowerCase(Locale.ROOT);
        String message = result.isSuccess()
                ? null
                : result.failures().stream()
                        .map(GuardrailResult.Failure::message)
                        .collect(Collectors.joining("; "));
        String spanId = run.spanId();
        this.dispatcher.event(() -> new GuardrailEvent(spanId, event.guardrailName(), stage, outcome, message));
    }

    private void withRun(InvocationContext invocation, java.util.function.Consumer<AgentRun> action) {
        AgentRun run = this.open.get(key(invocation));
        if (run != null) {
            action.accept(run);
        }
    }

    /**
     * The conversation an AI service's chat memory id names: the {@code @MemoryId} argument; none for the id LangChain4j
     * gives every service without one ({@value #DEFAULT_MEMORY_ID}).
     */
    static @Nullable Conversation conversation(@Nullable Object memoryId) {
        String id = (memoryId != null) ? memoryId.toString() : null;
        return (id == null || id.isBlank() || id.equals(DEFAULT_MEMORY_ID)) ? null : Conversation.of(id);
    }

    private static String key(InvocationContext invocation) {
        return String.valueOf(invocation.invocationId());
    }

    /** The agent's name: the AI-service interface's simple name, bounded by the application's code. */
    static String agentName(@Nullable String interfaceName) {
        if (interfaceName == null || interfaceName.isBlank()) {
            return GenAiNames.UNKNOWN;
        }
        int cut = Math.max(interfaceName.lastIndexOf('.'), interfaceName.lastIndexOf('$'));
        return interfaceName.substring(cut + 1);
    }
}
