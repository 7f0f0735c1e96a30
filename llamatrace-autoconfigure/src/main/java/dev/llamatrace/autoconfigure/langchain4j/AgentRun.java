package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.Operation;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.AgentRunStepEndEvent;
import dev.llamatrace.core.event.AgentToolCallEvent;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.event.ToolCallResultEvent;
import dev.llamatrace.core.llm.ToolMetadata;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One AI-service invocation between its started and its completed (or error) event: the {@code invoke_agent} operation
 * and the tool call in progress. LangChain4j reports a tool only once it ran ({@code ToolExecutedEvent}), so a tool's
 * span opens when the model's response asks for it, or when the tool before it reports, and closes when it reports:
 * exact for tools run one after the other as they are requested (streamed invocations), while a blocking invocation,
 * which runs all requested tools before reporting any, shows the first tool's span covering all of them.
 *
 * <p>Events of one invocation arrive one at a time but possibly on different threads (streamed rounds answer on the
 * HTTP reader thread), hence the lock.
 */
final class AgentRun {

    private final Dispatcher dispatcher;

    private final Operation operation;

    private final Thread thread;

    private final TraceContext.@Nullable Scope scope;

    private final Map<String, ToolSpecification> offered = new HashMap<>();

    private final ArrayDeque<ToolExecutionRequest> requested = new ArrayDeque<>();

    private @Nullable Operation tool;

    private @Nullable ToolExecutionRequest toolRequest;

    AgentRun(Dispatcher dispatcher, Operation operation, boolean activate) {
        this.dispatcher = dispatcher;
        this.operation = operation;
        this.thread = Thread.currentThread();
        this.scope = activate ? operation.makeCurrent() : null;
    }

    @Nullable
    String spanId() {
        return this.operation.spanId();
    }

    /** A model round is about to start on this thread: its chat span belongs under the agent. */
    synchronized void requestIssued(ChatRequest request) {
        List<ToolSpecification> tools = request.toolSpecifications();
        if (tools != null) {
            for (ToolSpecification spec : tools) {
                this.offered.put(spec.name(), spec);
            }
        }
        ChatParents.expect(request.messages(), this.operation.span());
    }

    /** A model round answered; the tools it asks for run next. */
    synchronized void responseReceived(@Nullable ChatResponse response) {
        AiMessage message = (response != null) ? response.aiMessage() : null;
        if (message != null && message.hasToolExecutionRequests()) {
            this.requested.addAll(message.toolExecutionRequests());
            if (this.tool == null) {
                startNextTool();
            }
        }
    }

    /** A tool ran: its span ends with the result, and the next requested tool's begins. */
    synchronized void toolExecuted(ToolExecutionRequest request, @Nullable String result) {
        if (this.tool == null || !same(request, this.toolRequest)) {
            // Not the call expected next (run out of order or never requested): time it from now.
            endTool(null);
            this.requested.removeIf((pending) -> same(request, pending));
            startTool(request);
        }
        endTool(result);
        startNextTool();
    }

    synchronized void completed(@Nullable Object result) {
        endTool(null);
        this.requested.clear();
        closeScope();
        this.operation.end((id) -> this.dispatcher.event(() -> new AgentRunStepEndEvent(id, result)), result);
    }

    synchronized void failed(Throwable error) {
        Operation open = this.tool;
        this.tool = null;
        this.requested.clear();
        if (open != null) {
            open.fail(error);
        }
        closeScope();
        this.operation.fail(error, (id) -> this.dispatcher.event(() -> new ExceptionEvent(id, error)));
    }

    private void startNextTool() {
        ToolExecutionRequest next = this.requested.poll();
        if (next != null) {
            startTool(next);
        }
    }

    private void startTool(ToolExecutionRequest request) {
        ToolMetadata metadata = metadata(request);
        String arguments = Objects.requireNonNullElse(request.arguments(), "");
        this.tool = this.dispatcher.operation(
                GenAiNames.spanName(GenAiNames.EXECUTE_TOOL, request.name()),
                this.operation.span(),
                null,
                Map.of(),
                (id) -> this.dispatcher.event(() -> new AgentToolCallEvent(id, arguments, metadata, request.id())));
        this.toolRequest = request;
    }

    private void endTool(@Nullable String result) {
        Operation open = this.tool;
        ToolExecutionRequest request = this.toolRequest;
        this.tool = null;
        this.toolRequest = null;
        if (open != null && request != null) {
            ToolMetadata metadata = metadata(request);
            open.end((id) -> this.dispatcher.event(() -> new ToolCallResultEvent(id, metadata, result)), result);
        }
    }

    private ToolMetadata metadata(ToolExecutionRequest request) {
        ToolSpecification spec = this.offered.get(request.name());
        return new ToolMetadata(
                request.name(),
                (spec != null) ? spec.description() : null,
                (spec != null) ? LlamaTraceChatModelListener.schema(spec) : null);
    }

    /** Closes the agent's scope on the thread that opened it; the trace context of other threads is not ours. */
    private void closeScope() {
        if (this.scope != null && Thread.currentThread() == this.thread) {
            this.scope.close();
        }
    }

    /** Abandons the invocation (evicted while still open): its spans end now, with the reason. */
    void abandon(RuntimeException reason) {
        failed(reason);
    }

    private static boolean same(ToolExecutionRequest a, @Nullable ToolExecutionRequest b) {
        if (b == null) {
            return false;
        }
        return (a.id() != null) ? a.id().equals(b.id()) : a.equals(b);
    }
}
