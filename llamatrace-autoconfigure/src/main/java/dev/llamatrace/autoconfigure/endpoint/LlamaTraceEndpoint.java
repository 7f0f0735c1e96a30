package dev.llamatrace.autoconfigure.endpoint;

import dev.llamatrace.autoconfigure.AsyncHandlers;
import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.LlamaTraceProperties;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.cost.PriceTable;
import dev.llamatrace.core.handler.AsyncHandler;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.OpenAIFineTuningHandler;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import dev.llamatrace.core.trace.TraceTree;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeType;

/**
 * The {@code llamatrace} actuator endpoint. Reads the built-in handlers; a section whose handler is switched off
 * answers 404.
 *
 * <ul>
 *   <li>{@code GET /actuator/llamatrace}: token totals, cost totals (per currency, per model, unpriced models, the
 *       cost budget), per event type count and seconds, span counts, handler errors, recent trace ids.
 *   <li>{@code GET /actuator/llamatrace/traces}: the retained traces, newest first, filtered and limited by
 *       {@code limit}, {@code name}, {@code errors}, {@code minDuration}, {@code search} and {@code sort};
 *       {@code /traces/{id}}: one trace as a tree; {@code conversation} lists the traces of one conversation.
 *   <li>{@code GET /actuator/llamatrace/conversations}: per conversation of the retained traces, its users, traces,
 *       LLM calls and tokens; {@code /conversations/{id}}: those of one conversation.
 *   <li>{@code GET /actuator/llamatrace/events}: all event pairs; {@code /events/{type}}: those of one callback type
 *       ({@code llm}, {@code embedding}, ...).
 *   <li>{@code GET /actuator/llamatrace/llm}: LLM inputs and outputs (the {@code llm} event pairs).
 *   <li>{@code GET /actuator/llamatrace/fine-tuning}: the fine-tuning examples as a JSONL download; 403 naming
 *       {@code llamatrace.capture-content} while content capture is off.
 *   <li>{@code DELETE /actuator/llamatrace}: resets counts and flushes the retained events, spans and examples.
 * </ul>
 *
 * Content (prompts, answers, documents) appears only with {@code llamatrace.capture-content=true}, truncated. An
 * unknown section or event type, or a bad query parameter, answers 400 with a body naming the parameter and the allowed
 * values; an unknown trace 404.
 */
@Endpoint(id = LlamaTraceEndpoint.ID)
public class LlamaTraceEndpoint {

    /** The endpoint id. */
    public static final String ID = "llamatrace";

    private static final int STATUS_FORBIDDEN = 403;

    private static final String CONTENT_PROPERTY = LlamaTraceProperties.PREFIX + ".capture-content";

    /** The content type of the fine-tuning download. */
    public static final MimeType JSONL = new MimeType("application", "jsonl", StandardCharsets.UTF_8);

    /** How many recent trace ids the root view lists. */
    static final int RECENT_TRACES = 20;

    static final List<String> SECTIONS = List.of("traces", "conversations", "events", "llm", "fine-tuning");

    static final List<String> EVENT_TYPES =
            Arrays.stream(CBEventType.values()).map(CBEventType::value).toList();

    private final DispatcherRegistry registry;

    private final @Nullable TokenCountingHandler tokens;

    private final @Nullable LlamaDebugHandler debug;

    private final @Nullable SimpleSpanHandler spans;

    private final @Nullable OpenAIFineTuningHandler fineTuning;

    private final Descriptors descriptors;

    private final ContentCapture content;

    private final List<AsyncHandler> asyncHandlers;

    private final @Nullable PriceTable prices;

    /**
     * Creates the endpoint.
     *
     * @param registry the dispatcher registry, for the handler error count
     * @param tokens the token counting handler, if enabled
     * @param debug the debug handler, if enabled
     * @param spans the span handler keeping trace trees, if enabled
     * @param fineTuning the fine-tuning handler, if enabled
     * @param content what content responses may carry
     */
    public LlamaTraceEndpoint(
            DispatcherRegistry registry,
            @Nullable TokenCountingHandler tokens,
            @Nullable LlamaDebugHandler debug,
            @Nullable SimpleSpanHandler spans,
            @Nullable OpenAIFineTuningHandler fineTuning,
            ContentCapture content) {
        this(registry, tokens, debug, spans, fineTuning, content, List.of());
    }

    /**
     * Creates the endpoint, also reporting the drops of asynchronous handler wrappers.
     *
     * @param registry the dispatcher registry, for the handler error count
     * @param tokens the token counting handler, if enabled
     * @param debug the debug handler, if enabled
     * @param spans the span handler keeping trace trees, if enabled
     * @param fineTuning the fine-tuning handler, if enabled
     * @param content what content responses may carry
     * @param asyncHandlers the asynchronous handler wrappers whose drops the root view lists
     */
    public LlamaTraceEndpoint(
            DispatcherRegistry registry,
            @Nullable TokenCountingHandler tokens,
            @Nullable LlamaDebugHandler debug,
            @Nullable SimpleSpanHandler spans,
            @Nullable OpenAIFineTuningHandler fineTuning,
            ContentCapture content,
            List<AsyncHandler> asyncHandlers) {
        this(registry, tokens, debug, spans, fineTuning, content, asyncHandlers, null);
    }

    /**
     * Creates the endpoint, also naming the date of the prices calls are priced with.
     *
     * @param registry the dispatcher registry, for the handler error count
     * @param tokens the token counting handler, if enabled
     * @param debug the debug handler, if enabled
     * @param spans the span handler keeping trace trees, if enabled
     * @param fineTuning the fine-tuning handler, if enabled
     * @param content what content responses may carry
     * @param asyncHandlers the asynchronous handler wrappers whose drops the root view lists
     * @param prices the price table calls are priced with, if pricing is on; the cost section is shown only with it
     */
    public LlamaTraceEndpoint(
            DispatcherRegistry registry,
            @Nullable TokenCountingHandler tokens,
            @Nullable LlamaDebugHandler debug,
            @Nullable SimpleSpanHandler spans,
            @Nullable OpenAIFineTuningHandler fineTuning,
            ContentCapture content,
            List<AsyncHandler> asyncHandlers,
            @Nullable PriceTable prices) {
        this.prices = prices;
        this.registry = registry;
        this.tokens = tokens;
        this.debug = debug;
        this.spans = spans;
        this.fineTuning = fineTuning;
        this.descriptors = new Descriptors(content);
        this.content = content;
        this.asyncHandlers = List.copyOf(asyncHandlers);
    }

    /**
     * Returns the root view.
     *
     * @return token totals, cost totals, event statistics, span counts, handler errors and recent trace ids
     */
    @ReadOperation
    public LlamaTraceDescriptors.Summary summary() {
        TokenCountingHandler tokens = this.tokens;
        LlamaDebugHandler debug = this.debug;
        SimpleSpanHandler spans = this.spans;
        Map<String, LlamaTraceDescriptors.EventTypeStats> events = null;
        if (debug != null) {
            events = new LinkedHashMap<>();
            for (CBEventType type : CBEventType.values()) {
                LlamaTraceDescriptors.EventTypeStats stats = Descriptors.stats(debug.getEventTimeInfo(type));
                if (stats.count() > 0) {
                    events.put(type.value(), stats);
                }
            }
        }
        return new LlamaTraceDescriptors.Summary(
                (tokens != null) ? this.descriptors.tokens(tokens) : null,
                (tokens != null && this.prices != null) ? Descriptors.costs(tokens, this.prices) : null,
                events,
                (spans != null)
                        ? new LlamaTraceDescriptors.Spans(
                                spans.openSpans().size(),
                                spans.completedCount(),
                                spans.droppedCount(),
                                spans.evictionCount(),
                                spans.evictedOpenSpanCount())
                        : null,
                this.registry.failures().count(),
                (spans != null) ? spans.recentTraceIds(RECENT_TRACES) : List.of(),
                asyncDropped(this.asyncHandlers));
    }

    private static Map<String, Long> asyncDropped(List<AsyncHandler> handlers) {
        Map<String, Long> dropped = new LinkedHashMap<>();
        for (AsyncHandler handler : handlers) {
            dropped.merge(AsyncHandlers.name(handler), handler.droppedCount(), Long::sum);
        }
        return dropped;
    }

    /**
     * Returns one section: {@code traces}, {@code conversations}, {@code events}, {@code llm} or {@code fine-tuning}. Only {@code traces} takes
     * query parameters; a bad value answers 400 naming the parameter.
     *
     * @param section the section
     * @param limit {@code traces}: the most traces to list, at least 1; all when absent
     * @param name {@code traces}: only those whose root span has this name
     * @param errors {@code traces}: {@code true} for only those with a dropped span, {@code false} for only those
     *     without
     * @param minDuration {@code traces}: only those that lasted at least this long ({@code 250ms}, {@code 2s},
     *     {@code PT1M}; a plain number is milliseconds); open traces by how long they have run
     * @param search {@code traces}: only those with a span whose name, tag key or tag value contains this text,
     *     ignoring case
     * @param sort {@code traces}: {@code newest} (the default) or {@code slowest} first
     * @param conversation {@code traces}: only those with a span in the conversation of this id
     * @return the section's data, or {@code null} (404) when its handler is switched off
     */
    @ReadOperation
    public @Nullable Object section(
            @Selector String section,
            @Nullable String limit,
            @Nullable String name,
            @Nullable String errors,
            @Nullable String minDuration,
            @Nullable String search,
            @Nullable String sort,
            @Nullable String conversation) {
        try {
            if (section.equals("traces")) {
                return traces(TraceQuery.parse(limit, name, errors, minDuration, search, sort, conversation));
            }
            String given = TraceQuery.firstGiven(limit, name, errors, minDuration, search, sort, conversation);
            if (given != null && SECTIONS.contains(section)) {
                throw new BadParameterException(
                        given,
                        "Parameter '" + given + "' applies to section 'traces' only, not '" + section + "'",
                        List.of());
            }
            return switch (section) {
                case "conversations" -> conversations();
                case "events" -> eventPairs(null);
                case "llm" -> eventPairs(CBEventType.LLM);
                case "fine-tuning" -> fineTuningDownload();
                default -> throw BadParameterException.unknown("section", section, SECTIONS);
            };
        } catch (BadParameterException ex) {
            return badRequest(ex);
        }
    }

    /**
     * Returns one item of a section: {@code traces/{id}}, {@code conversations/{id}} or {@code events/{type}}.
     *
     * @param section {@code traces}, {@code conversations} or {@code events}
     * @param item the trace id, the conversation id or the event type
     * @return the item, or {@code null} (404) when it does not exist
     */
    @ReadOperation
    public @Nullable Object item(@Selector String section, @Selector String item) {
        try {
            return switch (section) {
                case "traces" -> trace(item);
                case "conversations" -> conversation(item);
                case "events" -> {
                    CBEventType type = eventType(item);
                    if (type == null) {
                        throw BadParameterException.unknown("event type", item, EVENT_TYPES);
                    }
                    yield eventPairs(type);
                }
                default ->
                    throw BadParameterException.unknown(
                            "section", section, List.of("traces", "conversations", "events"));
            };
        } catch (BadParameterException ex) {
            return badRequest(ex);
        }
    }

    /** Resets the token counts and costs and flushes the retained events, spans and fine-tuning examples. */
    @DeleteOperation
    public void reset() {
        if (this.tokens != null) {
            this.tokens.reset();
        }
        if (this.debug != null) {
            this.debug.flushEventLogs();
        }
        if (this.spans != null) {
            this.spans.clear();
        }
        if (this.fineTuning != null) {
            this.fineTuning.clear();
        }
    }

    private @Nullable List<LlamaTraceDescriptors.TraceSummary> traces(TraceQuery query) {
        SimpleSpanHandler spans = this.spans;
        if (spans == null) {
            return null;
        }
        Map<String, TokenCountingEvent> tokensBySpan = Descriptors.tokensBySpan(this.tokens);
        return query.apply(spans.traces()).stream()
                .map((tree) -> Descriptors.summary(tree, tokensBySpan))
                .toList();
    }

    private @Nullable List<LlamaTraceDescriptors.ConversationSummary> conversations() {
        SimpleSpanHandler spans = this.spans;
        if (spans == null) {
            return null;
        }
        return List.copyOf(ConversationTotals.of(spans.traces(), Descriptors.tokensBySpan(this.tokens))
                .values());
    }

    private LlamaTraceDescriptors.@Nullable ConversationSummary conversation(String id) {
        SimpleSpanHandler spans = this.spans;
        if (spans == null) {
            return null;
        }
        List<TraceTree> traces = spans.traces().stream()
                .filter((trace) -> TraceQuery.inConversation(trace, id))
                .toList();
        return ConversationTotals.of(traces, Descriptors.tokensBySpan(this.tokens))
                .get(id);
    }

    private LlamaTraceDescriptors.@Nullable Trace trace(String id) {
        SimpleSpanHandler spans = this.spans;
        if (spans == null) {
            return null;
        }
        return spans.trace(id)
                .map((tree) -> this.descriptors.trace(tree, Descriptors.tokensBySpan(this.tokens), this.prices != null))
                .orElse(null);
    }

    private LlamaTraceDescriptors.@Nullable EventPairs eventPairs(@Nullable CBEventType type) {
        LlamaDebugHandler debug = this.debug;
        if (debug == null) {
            return null;
        }
        return new LlamaTraceDescriptors.EventPairs(
                (type != null) ? type.value() : null,
                Descriptors.stats(debug.getEventTimeInfo(type)),
                this.descriptors.pairs(debug.getEventPairs(type)));
    }

    private @Nullable WebEndpointResponse<?> fineTuningDownload() {
        OpenAIFineTuningHandler fineTuning = this.fineTuning;
        if (fineTuning == null) {
            return null;
        }
        if (!this.content.enabled()) {
            // Examples are prompts and answers: content, served only with capture on, like every other content.
            return new WebEndpointResponse<>(
                    new LlamaTraceDescriptors.BadRequest(
                            STATUS_FORBIDDEN,
                            CONTENT_PROPERTY,
                            "Fine-tuning examples are content; they are kept and served only with " + CONTENT_PROPERTY
                                    + "=true",
                            List.of()),
                    STATUS_FORBIDDEN);
        }
        StringWriter jsonl = new StringWriter();
        try {
            fineTuning.writeJsonl(jsonl);
        } catch (IOException ex) {
            // A StringWriter does not fail; keep the signature honest anyway.
            throw new UncheckedIOException(ex);
        }
        return new WebEndpointResponse<>(jsonl.toString().getBytes(StandardCharsets.UTF_8), JSONL);
    }

    private static @Nullable CBEventType eventType(String value) {
        try {
            return CBEventType.fromValue(value);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /**
     * Answers 400 with the reason in the body. Boot hides an {@code InvalidEndpointRequestException}'s reason unless
     * {@code server.error.include-message} is set, and the parameter and allowed values are the useful part.
     */
    private static WebEndpointResponse<LlamaTraceDescriptors.BadRequest> badRequest(BadParameterException ex) {
        return new WebEndpointResponse<>(
                new LlamaTraceDescriptors.BadRequest(
                        WebEndpointResponse.STATUS_BAD_REQUEST, ex.parameter(), ex.getReason(), ex.allowed()),
                WebEndpointResponse.STATUS_BAD_REQUEST);
    }
}
