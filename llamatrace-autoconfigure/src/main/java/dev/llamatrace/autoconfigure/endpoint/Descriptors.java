package dev.llamatrace.autoconfigure.endpoint;

import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.EventContent;
import dev.llamatrace.autoconfigure.semconv.EventSemantics;
import dev.llamatrace.autoconfigure.semconv.OpenInferenceAttributes;
import dev.llamatrace.core.callback.CBEvent;
import dev.llamatrace.core.callback.EventStats;
import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.cost.Cost;
import dev.llamatrace.core.cost.PriceTable;
import dev.llamatrace.core.event.EvaluationEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.handler.ModelCost;
import dev.llamatrace.core.handler.ModelTokenUsage;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.handler.TokenSource;
import dev.llamatrace.core.handler.TokenUsageDetails;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.core.trace.SimpleSpan;
import dev.llamatrace.core.trace.TraceNode;
import dev.llamatrace.core.trace.TraceTree;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Builds the endpoint's descriptors from the handlers' data, applying content capture. */
final class Descriptors {

    private final ContentCapture content;

    Descriptors(ContentCapture content) {
        this.content = content;
    }

    LlamaTraceDescriptors.Tokens tokens(TokenCountingHandler handler) {
        Map<String, LlamaTraceDescriptors.ModelTokens> models = new LinkedHashMap<>();
        for (Map.Entry<String, ModelTokenUsage> entry : handler.modelUsage().entrySet()) {
            ModelTokenUsage usage = entry.getValue();
            models.put(
                    entry.getKey(),
                    new LlamaTraceDescriptors.ModelTokens(
                            usage.provider(),
                            usage.llmCalls(),
                            usage.promptTokens(),
                            usage.completionTokens(),
                            usage.totalLlmTokens(),
                            usage.embeddingTokens(),
                            usage.cachedInputTokens(),
                            usage.cacheWriteInputTokens(),
                            usage.reasoningTokens()));
        }
        return new LlamaTraceDescriptors.Tokens(
                handler.promptLlmTokenCount(),
                handler.completionLlmTokenCount(),
                handler.totalLlmTokenCount(),
                handler.totalEmbeddingTokenCount(),
                handler.llmCallCount(),
                models,
                handler.cachedInputTokenCount(),
                handler.cacheWriteInputTokenCount(),
                handler.reasoningTokenCount());
    }

    static LlamaTraceDescriptors.Costs costs(TokenCountingHandler handler, @Nullable PriceTable prices) {
        Map<String, String> total = new LinkedHashMap<>();
        handler.totalCost().forEach((currency, amount) -> total.put(currency, amount.toPlainString()));
        Map<String, LlamaTraceDescriptors.ModelCost> models = new LinkedHashMap<>();
        for (Map.Entry<String, ModelCost> entry : handler.modelCost().entrySet()) {
            ModelCost cost = entry.getValue();
            models.put(
                    entry.getKey(),
                    new LlamaTraceDescriptors.ModelCost(
                            cost.provider(),
                            cost.currency(),
                            cost.amount().toPlainString(),
                            cost.counts(),
                            cost.providerReported()));
        }
        BigDecimal limit = handler.costBudget();
        LlamaTraceDescriptors.CostBudget budget = null;
        if (limit != null) {
            String currency = handler.costBudgetCurrency();
            budget = new LlamaTraceDescriptors.CostBudget(
                    limit.toPlainString(),
                    currency,
                    handler.totalCost().getOrDefault(currency, BigDecimal.ZERO).toPlainString());
        }
        return new LlamaTraceDescriptors.Costs(
                total, models, handler.unpricedModels(), budget, (prices != null) ? prices.asOf() : null);
    }

    static LlamaTraceDescriptors.@Nullable CallCost callCost(@Nullable Cost cost) {
        return (cost != null)
                ? new LlamaTraceDescriptors.CallCost(
                        cost.plainAmount(), cost.currency(), cost.source().value())
                : null;
    }

    static LlamaTraceDescriptors.EventTypeStats stats(EventStats stats) {
        return new LlamaTraceDescriptors.EventTypeStats(stats.totalCount(), stats.totalSecs(), stats.averageSecs());
    }

    static LlamaTraceDescriptors.TraceSummary summary(TraceTree tree, Map<String, TokenCountingEvent> tokensBySpan) {
        SimpleSpan root = tree.root().span();
        int errors = 0;
        long tokens = 0;
        String conversationId = null;
        String userId = null;
        for (SimpleSpan span : spans(tree.root()).toList()) {
            if (span.outcome() == SimpleSpan.Outcome.DROPPED) {
                errors++;
            }
            Conversation conversation = span.conversation();
            if (conversation != null) {
                conversationId = (conversationId != null) ? conversationId : conversation.id();
                userId = (userId != null) ? userId : conversation.userId();
            }
            TokenCountingEvent count = tokensBySpan.get(span.id());
            if (count != null) {
                tokens += count.totalTokenCount();
            }
        }
        return new LlamaTraceDescriptors.TraceSummary(
                tree.rootId(),
                root.name(),
                root.startTime(),
                seconds(root),
                root.outcome().name(),
                tree.spanCount(),
                errors,
                tokens,
                SpanCosts.trace(tree.root(), tokensBySpan),
                conversationId,
                userId);
    }

    /** The spans of a node and its descendants, depth first. */
    static Stream<SimpleSpan> spans(TraceNode node) {
        return Stream.concat(Stream.of(node.span()), node.children().stream().flatMap(Descriptors::spans));
    }

    LlamaTraceDescriptors.Trace trace(TraceTree tree, Map<String, TokenCountingEvent> tokensBySpan, boolean priced) {
        return new LlamaTraceDescriptors.Trace(
                tree.rootId(),
                tree.missingParentId(),
                this.content.enabled(),
                priced ? SpanCosts.trace(tree.root(), tokensBySpan) : null,
                node(tree.root(), tokensBySpan),
                evaluations(tree));
    }

    /** The evaluation results of a trace's spans, oldest first; explanations only with content capture on. */
    private List<LlamaTraceDescriptors.Evaluation> evaluations(TraceTree tree) {
        return spans(tree.root())
                .flatMap((span) -> span.events().stream()
                        .filter(EvaluationEvent.class::isInstance)
                        .map((event) -> evaluation(span, (EvaluationEvent) event)))
                .sorted(Comparator.comparing(LlamaTraceDescriptors.Evaluation::timestamp))
                .toList();
    }

    private LlamaTraceDescriptors.Evaluation evaluation(SimpleSpan span, EvaluationEvent evaluation) {
        return new LlamaTraceDescriptors.Evaluation(
                span.id(),
                evaluation.name(),
                evaluation.score(),
                evaluation.label(),
                this.content.capture(evaluation.explanation()),
                evaluation.responseId(),
                evaluation.timestamp());
    }

    static Map<String, TokenCountingEvent> tokensBySpan(@Nullable TokenCountingHandler handler) {
        Map<String, TokenCountingEvent> tokens = new LinkedHashMap<>();
        if (handler != null) {
            handler.llmTokenCounts().forEach((count) -> {
                String spanId = count.spanId();
                if (spanId != null) {
                    tokens.put(spanId, count);
                }
            });
        }
        return tokens;
    }

    /**
     * Returns the embedding tokens of a span as one count: the provider's count of the call, or the sum of the
     * tokenizer's counts of its texts (the span attribute shows the same sum).
     */
    private static @Nullable TokenCountingEvent embeddingCount(List<Event> events) {
        TokenCountingEvent first = null;
        int tokens = 0;
        for (Event event : events) {
            if (event instanceof TokenCountingEvent counted && counted.operation() == EventKind.EMBEDDING) {
                first = (first != null) ? first : counted;
                tokens += counted.promptTokenCount();
            }
        }
        if (first == null) {
            return null;
        }
        return new TokenCountingEvent(
                "",
                "",
                tokens,
                0,
                first.eventId(),
                first.model(),
                first.provider(),
                EventKind.EMBEDDING,
                first.promptSource(),
                TokenSource.NONE,
                TokenUsageDetails.NONE);
    }

    /**
     * The LLM token count of a span: the token counting handler's record, else the count dispatched inside the span
     * (when that handler and its records are not there).
     */
    static @Nullable TokenCountingEvent llmCount(SimpleSpan span, Map<String, TokenCountingEvent> tokensBySpan) {
        TokenCountingEvent count = tokensBySpan.get(span.id());
        if (count != null) {
            return count;
        }
        for (Event event : span.events()) {
            if (event instanceof TokenCountingEvent counted && counted.operation() == EventKind.LLM) {
                return counted;
            }
        }
        return null;
    }

    List<List<LlamaTraceDescriptors.CallbackEvent>> pairs(List<List<CBEvent>> pairs) {
        return pairs.stream()
                .map((pair) -> pair.stream().map(this::callbackEvent).toList())
                .toList();
    }

    private LlamaTraceDescriptors.SpanNode node(TraceNode node, Map<String, TokenCountingEvent> tokensBySpan) {
        SimpleSpan span = node.span();
        TokenCountingEvent count = llmCount(span, tokensBySpan);
        Cost cost = SpanCosts.of(span, count);
        // The count on the bus is shown as the span's tokens, not as one of its events; it is the count itself when
        // the token counting handler (and its records) is not there.
        List<Event> events = new ArrayList<>(span.events().size());
        for (Event event : span.events()) {
            if (!(event instanceof TokenCountingEvent)) {
                events.add(event);
            }
        }
        if (count == null) {
            count = embeddingCount(span.events());
        }
        LlamaTraceDescriptors.TokenCount tokens = (count != null)
                ? new LlamaTraceDescriptors.TokenCount(
                        count.promptTokenCount(),
                        count.completionTokenCount(),
                        count.totalTokenCount(),
                        count.model(),
                        count.provider(),
                        count.promptSource().name(),
                        count.completionSource().name(),
                        count.cachedInputTokenCount(),
                        count.cacheWriteInputTokenCount(),
                        count.reasoningTokenCount(),
                        count.source().value())
                : null;
        ModelInfo model = events.stream()
                .map(EventSemantics::model)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return new LlamaTraceDescriptors.SpanNode(
                span.id(),
                span.name(),
                kind(events),
                (model != null) ? model.name() : (count != null) ? count.model() : null,
                (model != null) ? model.provider() : (count != null) ? count.provider() : null,
                span.parentId(),
                span.startTime(),
                span.endTime(),
                seconds(span),
                span.outcome().name(),
                this.content.redactShown(span.error()),
                span.errorType(),
                span.tags(),
                (span.conversation() != null) ? span.conversation().id() : null,
                (span.conversation() != null) ? span.conversation().userId() : null,
                tokens,
                callCost(cost),
                events.stream().map(this::spanEvent).toList(),
                span.droppedEventCount(),
                node.children().stream()
                        .map((child) -> node(child, tokensBySpan))
                        .toList());
    }

    private LlamaTraceDescriptors.SpanEvent spanEvent(Event event) {
        EventKind type = event.kind();
        boolean capture = this.content.enabled();
        return new LlamaTraceDescriptors.SpanEvent(
                event.id(),
                event.className(),
                event.phase().name(),
                event.timestamp(),
                (type != null) ? type.value() : null,
                capture ? this.content.capture(EventContent.input(event)) : null,
                capture ? this.content.capture(EventContent.output(event)) : null,
                capture ? messages(event) : null,
                capture ? documents(event) : null);
    }

    /** The kind the first event that identifies one gives, as the span bridge does; a chain otherwise. */
    private static String kind(List<Event> events) {
        return events.stream()
                .map(EventSemantics::spanKind)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(OpenInferenceAttributes.KIND_CHAIN);
    }

    private @Nullable List<LlamaTraceDescriptors.Message> messages(Event event) {
        List<ChatMessage> messages = new ArrayList<>(EventContent.inputMessages(event));
        messages.addAll(EventContent.outputMessages(event));
        if (messages.isEmpty()) {
            return null;
        }
        return messages.stream()
                .limit(EventContent.MAX_ENTRIES)
                .map((message) -> new LlamaTraceDescriptors.Message(
                        message.role().value(), this.content.capture(message.content())))
                .toList();
    }

    private @Nullable List<LlamaTraceDescriptors.Document> documents(Event event) {
        List<NodeWithScore> documents = EventContent.documents(event);
        if (documents.isEmpty()) {
            return null;
        }
        return documents.stream()
                .limit(EventContent.MAX_ENTRIES)
                .map((node) ->
                        new LlamaTraceDescriptors.Document(node.id(), node.score(), this.content.capture(node.text())))
                .toList();
    }

    private LlamaTraceDescriptors.CallbackEvent callbackEvent(CBEvent event) {
        Map<String, String> payload = null;
        if (this.content.enabled()) {
            payload = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : event.payload().entrySet()) {
                String value = this.content.capture(entry.getValue());
                if (value != null) {
                    payload.put(entry.getKey(), value);
                }
            }
        }
        return new LlamaTraceDescriptors.CallbackEvent(event.type().value(), event.id(), event.time(), payload);
    }

    private static @Nullable Double seconds(SimpleSpan span) {
        return (span.outcome() == SimpleSpan.Outcome.OPEN)
                ? null
                : span.duration().toNanos() / 1e9;
    }
}
