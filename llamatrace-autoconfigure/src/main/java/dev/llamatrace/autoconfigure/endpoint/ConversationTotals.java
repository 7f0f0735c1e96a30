package dev.llamatrace.autoconfigure.endpoint;

import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.trace.SimpleSpan;
import dev.llamatrace.core.trace.TraceTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sums the spans of each conversation over the retained traces: traces, LLM calls and tokens. Only spans of the
 * conversation count, so a trace that spans two conversations adds to each what belongs to it. Bounded by the span
 * handler's retention: a conversation whose traces were evicted is no longer listed.
 */
final class ConversationTotals {

    private final String id;

    private final Set<String> userIds = new LinkedHashSet<>();

    private final List<String> traceIds = new ArrayList<>();

    private long llmCalls;

    private long promptTokens;

    private long completionTokens;

    private ConversationTotals(String id) {
        this.id = id;
    }

    /**
     * Sums every conversation of the traces.
     *
     * @param traces the retained traces, newest first
     * @param tokensBySpan the token counting handler's LLM counts by span id
     * @return the totals by conversation id, the conversation of the newest trace first
     */
    static Map<String, LlamaTraceDescriptors.ConversationSummary> of(
            List<TraceTree> traces, Map<String, TokenCountingEvent> tokensBySpan) {
        Map<String, ConversationTotals> totals = new LinkedHashMap<>();
        for (TraceTree trace : traces) {
            Set<String> seen = new LinkedHashSet<>();
            Descriptors.spans(trace.root()).forEach((span) -> {
                Conversation conversation = span.conversation();
                String id = (conversation != null) ? conversation.id() : null;
                if (id != null) {
                    ConversationTotals conversationTotals = totals.computeIfAbsent(id, ConversationTotals::new);
                    if (seen.add(id)) {
                        conversationTotals.traceIds.add(trace.rootId());
                    }
                    conversationTotals.add(span, conversation, tokensBySpan);
                }
            });
        }
        Map<String, LlamaTraceDescriptors.ConversationSummary> summaries = new LinkedHashMap<>();
        totals.forEach((id, conversationTotals) -> summaries.put(id, conversationTotals.summary()));
        return summaries;
    }

    private void add(SimpleSpan span, Conversation conversation, Map<String, TokenCountingEvent> tokensBySpan) {
        if (conversation.userId() != null) {
            this.userIds.add(conversation.userId());
        }
        TokenCountingEvent count = Descriptors.llmCount(span, tokensBySpan);
        if (count != null) {
            // A priced call's cost (branch 'cost') is summed here as well, from the same count.
            this.llmCalls++;
            this.promptTokens += count.promptTokenCount();
            this.completionTokens += count.completionTokenCount();
        }
    }

    private LlamaTraceDescriptors.ConversationSummary summary() {
        return new LlamaTraceDescriptors.ConversationSummary(
                this.id,
                List.copyOf(this.userIds),
                this.traceIds.size(),
                this.llmCalls,
                this.promptTokens,
                this.completionTokens,
                this.promptTokens + this.completionTokens,
                List.copyOf(this.traceIds));
    }
}
