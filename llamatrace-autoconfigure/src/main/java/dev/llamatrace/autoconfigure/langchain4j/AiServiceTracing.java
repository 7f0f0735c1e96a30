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
 * The work of {@link LlamaTraceAiServiceListeners}: the listeners, the invocations in progress and the spans and events
 * they make. A class of its own, created with the listeners on first use, so that the listener bean's class declares no
 * LangChain4j event type: Spring introspects every bean's methods at startup, which loads each type they name.
 */
final class AiServiceTracing {

    private final Dispatcher dispatcher;

    private final BoundedOpenMap<AgentRun> open = new BoundedOpenMap<>(
            LlamaTraceAiServiceListeners.MAX_OPEN_INVOCATIONS,
            (id, run) -> run.abandon(AbandonedSpanException.evicted(
                    Objects.requireNonNullElse(run.spanId(), id), LlamaTraceAiServiceListeners.MAX_OPEN_INVOCATIONS)));

    private final List<AiServiceListener<?>> listeners;

    AiServiceTracing(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
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

    List<AiServiceListener<?>> listeners() {
        return this.listeners;
    }

    long evictedCount() {
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
     * gives every service without one ({@value LlamaTraceAiServiceListeners#DEFAULT_MEMORY_ID}).
     */
    static @Nullable Conversation conversation(@Nullable Object memoryId) {
        String id = (memoryId != null) ? memoryId.toString() : null;
        return (id == null || id.isBlank() || id.equals(LlamaTraceAiServiceListeners.DEFAULT_MEMORY_ID))
                ? null
                : Conversation.of(id);
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
