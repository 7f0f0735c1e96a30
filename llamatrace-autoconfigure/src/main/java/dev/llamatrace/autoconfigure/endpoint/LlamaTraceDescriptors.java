package dev.llamatrace.autoconfigure.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the {@code llamatrace} endpoint. A section is {@code null} when its handler is switched off. */
public final class LlamaTraceDescriptors {

    private LlamaTraceDescriptors() {}

    /**
     * The root view.
     *
     * @param tokens token totals
     * @param cost cost totals, per model and unpriced models; {@code null} when token counting or pricing is off
     * @param events per event type: count, total and average seconds
     * @param spans span counts
     * @param handlerErrors handler failures isolated so far
     * @param recentTraceIds root span ids of the most recent traces, newest first
     * @param asyncDropped per asynchronous handler wrapper (by wrapped handler class), items dropped at its full queue;
     *     the same counts as {@code llamatrace.evictions}
     */
    public record Summary(
            @Nullable Tokens tokens,
            @Nullable Costs cost,
            @Nullable Map<String, EventTypeStats> events,
            @Nullable Spans spans,
            long handlerErrors,
            List<String> recentTraceIds,
            Map<String, Long> asyncDropped) {}

    /**
     * Token totals.
     *
     * @param prompt LLM prompt tokens
     * @param completion LLM completion tokens
     * @param total LLM prompt plus completion tokens
     * @param embedding embedding tokens
     * @param llmCalls LLM calls counted
     * @param models the same per model
     * @param cachedInput the part of the prompt tokens the providers read from their caches
     * @param cacheWriteInput the part of the prompt tokens the providers wrote to their caches
     * @param reasoning the part of the completion tokens spent reasoning
     */
    public record Tokens(
            long prompt,
            long completion,
            long total,
            long embedding,
            long llmCalls,
            Map<String, ModelTokens> models,
            long cachedInput,
            long cacheWriteInput,
            long reasoning) {}

    /**
     * Token totals of one model.
     *
     * @param provider the provider
     * @param llmCalls LLM calls
     * @param prompt prompt tokens
     * @param completion completion tokens
     * @param total prompt plus completion tokens
     * @param embedding embedding tokens
     * @param cachedInput the part of the prompt tokens read from the provider's cache
     * @param cacheWriteInput the part of the prompt tokens written to the provider's cache
     * @param reasoning the part of the completion tokens spent reasoning
     */
    public record ModelTokens(
            String provider,
            long llmCalls,
            long prompt,
            long completion,
            long total,
            long embedding,
            long cachedInput,
            long cacheWriteInput,
            long reasoning) {}

    /**
     * Cost totals. Amounts are exact decimals written as plain text (e.g. {@code "0.00000405"}).
     *
     * @param total the cost per currency
     * @param models the cost per model (a model priced in a second currency has an entry {@code model (currency)})
     * @param unpriced the models counted without a price, with how many of their counts (LLM calls, embedded texts)
     *     had none: they cost nothing in the totals rather than a guess
     * @param budget the cost budget, {@code null} when there is none
     * @param pricesAsOf when the prices of the price table were taken, as the table says
     */
    public record Costs(
            Map<String, String> total,
            Map<String, ModelCost> models,
            Map<String, Long> unpriced,
            @Nullable CostBudget budget,
            @Nullable String pricesAsOf) {}

    /**
     * The cost of one model.
     *
     * @param provider the provider
     * @param currency the currency of {@code amount}
     * @param amount the exact sum, plain text
     * @param counts the priced counts (LLM calls, embedded texts)
     * @param providerReported how many of those carried a cost the provider reported
     */
    public record ModelCost(String provider, String currency, String amount, long counts, long providerReported) {}

    /**
     * The cost budget.
     *
     * @param limit the budget, plain text
     * @param currency its currency; only costs in it count
     * @param spent the cost counted in that currency so far, plain text
     */
    public record CostBudget(String limit, String currency, String spent) {}

    /**
     * The cost of one call.
     *
     * @param amount the exact amount, plain text
     * @param currency the currency
     * @param source {@code provider} when the provider reported it, {@code local} when computed from the price table
     */
    public record CallCost(String amount, String currency, String source) {}

    /**
     * Timing of the event pairs of one type.
     *
     * @param count start/end groups
     * @param totalSeconds summed duration
     * @param averageSeconds average duration
     */
    public record EventTypeStats(int count, double totalSeconds, double averageSeconds) {}

    /**
     * Span counts.
     *
     * @param open spans open now
     * @param completed spans that exited normally
     * @param dropped spans that ended by an error
     * @param evicted ended spans evicted to stay within the capacity
     * @param evictedOpen open spans evicted, oldest first, at the open-span cap (dropped as abandoned; also counted in
     *     {@code dropped})
     */
    public record Spans(long open, long completed, long dropped, long evicted, long evictedOpen) {}

    /**
     * One trace in the list of traces.
     *
     * @param id the root span id, for {@code /traces/{id}}
     * @param rootSpanName the root span name
     * @param startTime when the root span started
     * @param durationSeconds the root span's duration, {@code null} while open
     * @param outcome {@code OPEN}, {@code EXITED} or {@code DROPPED}
     * @param spanCount spans in the trace
     * @param errorCount spans of the trace that were dropped by an error
     * @param tokens LLM tokens (prompt plus completion) counted in the trace's spans
     * @param cost the cost of the trace's LLM and embedding calls per currency, plain text; empty when none was priced
     * @param conversationId the conversation of the trace's first span that has one, if any
     * @param userId the user of the trace's first span that names one, if any
     */
    public record TraceSummary(
            String id,
            String rootSpanName,
            Instant startTime,
            @Nullable Double durationSeconds,
            String outcome,
            int spanCount,
            int errorCount,
            long tokens,
            Map<String, String> cost,
            @Nullable String conversationId,
            @Nullable String userId) {}

    /**
     * The totals of one conversation over the retained traces.
     *
     * @param id the conversation id
     * @param userIds the users its spans name, in order of first appearance
     * @param traceCount retained traces with a span in the conversation
     * @param llmCalls LLM calls counted in its spans
     * @param promptTokens their prompt tokens
     * @param completionTokens their completion tokens
     * @param totalTokens both
     * @param traceIds root span ids of its traces, newest first, for {@code /traces/{id}}
     */
    public record ConversationSummary(
            String id,
            List<String> userIds,
            int traceCount,
            long llmCalls,
            long promptTokens,
            long completionTokens,
            long totalTokens,
            List<String> traceIds) {}

    /**
     * One trace as a tree.
     *
     * @param id the root span id
     * @param missingParentId the root's parent id when that parent is no longer known
     * @param contentCaptured whether content capture is on, so events may carry inputs, outputs, messages, documents
     * @param cost the cost of the trace's LLM and embedding calls per currency, plain text, the sum of its spans'
     *     {@code cost}; empty when none was priced, {@code null} when pricing is off
     * @param root the root span and its descendants
     * @param evaluations the evaluation results dispatched in the trace's spans, oldest first
     */
    public record Trace(
            String id,
            @Nullable String missingParentId,
            boolean contentCaptured,
            @Nullable Map<String, String> cost,
            SpanNode root,
            List<Evaluation> evaluations) {}

    /**
     * An evaluation result in a trace.
     *
     * @param spanId the span evaluated
     * @param name the evaluation
     * @param score its score, if it gave one
     * @param label its label, if it gave one
     * @param explanation why, only with content capture on
     * @param responseId the id of the response evaluated, if known
     * @param timestamp when it was dispatched
     */
    public record Evaluation(
            String spanId,
            String name,
            @Nullable Double score,
            @Nullable String label,
            @Nullable String explanation,
            @Nullable String responseId,
            Instant timestamp) {}

    /**
     * A span in a trace tree.
     *
     * @param id the span id
     * @param name the span name
     * @param kind its OpenInference kind ({@code LLM}, {@code EMBEDDING}, {@code RETRIEVER}, {@code RERANKER},
     *     {@code TOOL}, {@code AGENT} or {@code CHAIN}), as in exported spans
     * @param model the model its events name, if any
     * @param provider the provider of that model
     * @param parentId the parent span id
     * @param startTime when it started
     * @param endTime when it ended, {@code null} while open
     * @param durationSeconds its duration, {@code null} while open
     * @param outcome {@code OPEN}, {@code EXITED} or {@code DROPPED}
     * @param error the message of the error that dropped it
     * @param errorType the class name of the error that dropped it
     * @param tags its tags
     * @param conversationId the conversation it belongs to, if any
     * @param userId the user it works for, if any
     * @param tokens the tokens counted for an LLM or embedding call in this span
     * @param cost what that call cost (an embedding span: the sum of its counts'); {@code null} when it was unpriced
     * @param events its events, oldest first
     * @param droppedEvents events beyond the per-span cap, not kept
     * @param children child spans by start time
     */
    public record SpanNode(
            String id,
            String name,
            String kind,
            @Nullable String model,
            @Nullable String provider,
            @Nullable String parentId,
            Instant startTime,
            @Nullable Instant endTime,
            @Nullable Double durationSeconds,
            String outcome,
            @Nullable String error,
            @Nullable String errorType,
            Map<String, Object> tags,
            @Nullable String conversationId,
            @Nullable String userId,
            @Nullable TokenCount tokens,
            @Nullable CallCost cost,
            List<SpanEvent> events,
            long droppedEvents,
            List<SpanNode> children) {}

    /**
     * Tokens of one LLM call, or of one embedding call (the sum of its counts), exactly as exported on its span.
     *
     * @param prompt prompt (or embedding) tokens
     * @param completion completion tokens
     * @param total both
     * @param model the model
     * @param provider the provider
     * @param promptSource where the prompt count came from: {@code PROVIDER}, {@code TOKENIZER} or {@code NONE}
     * @param completionSource where the completion count came from
     * @param cachedInput the part of the prompt tokens read from the provider's cache
     * @param cacheWriteInput the part of the prompt tokens written to the provider's cache
     * @param reasoning the part of the completion tokens spent reasoning
     * @param source where the count came from as a whole: {@code provider}, {@code tokenizer} (either side estimated)
     *     or {@code none}, the value of the span attribute {@code llamatrace.token_count.source}
     */
    public record TokenCount(
            long prompt,
            long completion,
            long total,
            String model,
            String provider,
            String promptSource,
            String completionSource,
            long cachedInput,
            long cacheWriteInput,
            long reasoning,
            String source) {}

    /**
     * An event inside a span.
     *
     * @param id the event id
     * @param type the event class, e.g. {@code LLMChatEndEvent}
     * @param phase {@code START}, {@code IN_PROGRESS}, {@code END} or {@code INSTANT}
     * @param timestamp when it was created
     * @param eventType the legacy callback type, e.g. {@code llm}
     * @param input the content given, only with content capture on
     * @param output the content produced, only with content capture on
     * @param messages the chat messages given (start) or answered (end), only with content capture on
     * @param documents the documents retrieved or reranked, only with content capture on
     */
    public record SpanEvent(
            String id,
            String type,
            String phase,
            Instant timestamp,
            @Nullable String eventType,
            @Nullable String input,
            @Nullable String output,
            @Nullable List<Message> messages,
            @Nullable List<Document> documents) {}

    /**
     * A chat message.
     *
     * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
     * @param content its text, truncated
     */
    public record Message(String role, @Nullable String content) {}

    /**
     * A retrieved document.
     *
     * @param id the document (node) id
     * @param score its similarity score, if any
     * @param text its text, truncated
     */
    public record Document(String id, @Nullable Double score, @Nullable String text) {}

    /**
     * A callback event recorded by the debug handler.
     *
     * @param type the callback type, e.g. {@code llm}
     * @param id the event id its start and end share
     * @param time when it happened
     * @param payload the payload values as text, only with content capture on
     */
    public record CallbackEvent(String type, String id, Instant time, @Nullable Map<String, String> payload) {}

    /**
     * The event pairs of one type (or all types) with their timing.
     *
     * @param type the callback type, or {@code null} for all
     * @param stats timing of the pairs
     * @param pairs each operation's start and end, ordered by start time
     */
    public record EventPairs(@Nullable String type, EventTypeStats stats, List<List<CallbackEvent>> pairs) {}

    /**
     * The body of a 400 answer.
     *
     * @param status the HTTP status, 400
     * @param parameter the path segment or query parameter that was wrong
     * @param message what was wrong
     * @param allowed the values that would have been accepted, empty when they are not a list
     */
    public record BadRequest(int status, String parameter, String message, List<String> allowed) {}
}
