package dev.llamatrace.autoconfigure;

import com.knuddels.jtokkit.api.EncodingType;
import dev.llamatrace.autoconfigure.redaction.BuiltInRedactionRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of llamatrace under {@code llamatrace.*}. The key constants of this class are the only place property
 * names are spelled; conditions refer to them.
 *
 * <p>Values are checked once bound: a bad value fails startup with {@link InvalidLlamaTracePropertyException}, which
 * names the property, the value and what is allowed.
 */
@ConfigurationProperties(LlamaTraceProperties.PREFIX)
public class LlamaTraceProperties implements InitializingBean {

    /** The prefix of every llamatrace property. */
    public static final String PREFIX = "llamatrace";

    /** The master switch; {@code false} turns every llamatrace bean off. */
    public static final String ENABLED = PREFIX + ".enabled";

    /** Switch of the token counting handler. */
    public static final String TOKEN_COUNTING_ENABLED = PREFIX + ".handlers.token-counting.enabled";

    /** Switch of the debug handler. */
    public static final String DEBUG_ENABLED = PREFIX + ".handlers.debug.enabled";

    /** Switch of the span handler that keeps trace trees. */
    public static final String SPANS_ENABLED = PREFIX + ".handlers.spans.enabled";

    /** Switch of the fine-tuning handler. */
    public static final String FINE_TUNING_ENABLED = PREFIX + ".handlers.fine-tuning.enabled";

    /** Switch of the {@code @LlamaSpan} aspect. */
    public static final String AOP_ENABLED = PREFIX + ".aop.enabled";

    /** Switch of the Micrometer meters. */
    public static final String METRICS_ENABLED = PREFIX + ".metrics.enabled";

    /** The property keeping Spring AI's own {@code gen_ai.client.token.usage} counter. */
    public static final String METRICS_KEEP_SPRING_AI_TOKEN_USAGE = PREFIX + ".metrics.keep-spring-ai-token-usage";

    /** Switch of the bridge from llamatrace spans to Micrometer observations. */
    public static final String TRACING_ENABLED = PREFIX + ".tracing.enabled";

    /** Whether exported spans carry the OpenInference attributes too (the Phoenix export preset sets it). */
    public static final String TRACING_OPEN_INFERENCE = PREFIX + ".tracing.open-inference";

    /** Switch of the trace viewer page. */
    public static final String UI_ENABLED = PREFIX + ".ui.enabled";

    /** Switch of the propagation of the llamatrace context over HTTP. */
    public static final String PROPAGATION_ENABLED = PREFIX + ".propagation.enabled";

    /** The value of {@code llamatrace.handlers.token-counting.encoding} that picks the encoding per model. */
    public static final String AUTO_ENCODING = "auto";

    /** The upper bound of every record cap (events, traces, spans, token records, examples). */
    public static final int MAX_RECORDS = 1_000_000;

    /** The upper bound of {@code llamatrace.handlers.spans.max-events-per-span}. */
    public static final int MAX_EVENTS_PER_SPAN = 100_000;

    /** The upper bound of {@code llamatrace.content-max-length}, in characters. */
    public static final int MAX_CONTENT_LENGTH = 1_000_000;

    /**
     * Whether llamatrace is enabled. When false nothing is instrumented, but the beans applications inject (registry,
     * root dispatcher, callback manager, integration listeners and advisor) stay, attached to no handler.
     */
    private boolean enabled = true;

    /**
     * Whether prompts, completions, documents, call arguments and exception messages are kept by the handlers and shown
     * in traces, the endpoint, the fine-tuning download and exported spans. Off by default because they may hold
     * personal data; when off, handlers keep no content at all.
     */
    private boolean captureContent = false;

    /**
     * Maximum length, in characters, of each captured content value, applied when a handler records it; longer values
     * are truncated and end with "...". At most 1,000,000; a kept value costs at most about twice this many bytes.
     */
    private int contentMaxLength = 2048;

    /** Redaction of captured content, applied before it reaches the endpoint or exported spans. */
    private final ContentRedaction contentRedaction = new ContentRedaction();

    /** Built-in handlers. */
    private final Handlers handlers = new Handlers();

    /** The {@code @LlamaSpan} aspect. */
    private final Aop aop = new Aop();

    /** Micrometer meters. */
    private final Metrics metrics = new Metrics();

    /** Export of spans as Micrometer observations (and so as distributed-tracing spans). */
    private final Tracing tracing = new Tracing();

    /** The trace viewer page. */
    private final Ui ui = new Ui();

    /** Cross-process propagation. */
    private final Propagation propagation = new Propagation();

    /**
     * Returns the encodings {@code llamatrace.handlers.token-counting.encoding} accepts.
     *
     * @return {@value #AUTO_ENCODING} followed by the tokenizer encoding names
     */
    public static List<String> allowedEncodings() {
        List<String> allowed = new ArrayList<>();
        allowed.add(AUTO_ENCODING);
        for (EncodingType type : EncodingType.values()) {
            allowed.add(type.getName());
        }
        return allowed;
    }

    /**
     * Checks the bound values.
     *
     * @throws InvalidLlamaTracePropertyException naming the first invalid property
     */
    @Override
    public void afterPropertiesSet() {
        inRange("content-max-length", this.contentMaxLength, MAX_CONTENT_LENGTH);
        this.contentRedaction.check();
        String encoding = this.handlers.tokenCounting.encoding;
        if (!allowedEncodings().contains(encoding.toLowerCase(Locale.ROOT))) {
            throw new InvalidLlamaTracePropertyException(
                    PREFIX + ".handlers.token-counting.encoding", encoding, "one of " + allowedEncodings());
        }
        Long budget = this.handlers.tokenCounting.tokenBudget;
        if (budget != null && budget < 0) {
            throw new InvalidLlamaTracePropertyException(
                    PREFIX + ".handlers.token-counting.token-budget", budget, "an integer of at least 0, or unset");
        }
        inRange("handlers.token-counting.max-records", this.handlers.tokenCounting.maxRecords, MAX_RECORDS);
        inRange("handlers.debug.max-events", this.handlers.debug.maxEvents, MAX_RECORDS);
        inRange("handlers.debug.max-traces", this.handlers.debug.maxTraces, MAX_RECORDS);
        inRange("handlers.spans.capacity", this.handlers.spans.capacity, MAX_RECORDS);
        if (this.handlers.spans.maxEventsPerSpan < 0 || this.handlers.spans.maxEventsPerSpan > MAX_EVENTS_PER_SPAN) {
            throw new InvalidLlamaTracePropertyException(
                    PREFIX + ".handlers.spans.max-events-per-span",
                    this.handlers.spans.maxEventsPerSpan,
                    "an integer from 0 to " + MAX_EVENTS_PER_SPAN);
        }
        inRange("handlers.fine-tuning.max-examples", this.handlers.fineTuning.maxExamples, MAX_RECORDS);
        String path = this.ui.path;
        if (!path.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw new InvalidLlamaTracePropertyException(
                    PREFIX + ".ui.path",
                    path,
                    "a path such as /llamatrace: segments of letters, digits, '.', '_', '~' or '-', no trailing '/'");
        }
        this.handlers.dispatchers.forEach((bean, dispatcher) -> {
            if (dispatcher.isBlank()
                    || dispatcher.startsWith(".")
                    || dispatcher.endsWith(".")
                    || dispatcher.contains("..")) {
                throw new InvalidLlamaTracePropertyException(
                        PREFIX + ".handlers.dispatchers." + bean,
                        dispatcher,
                        "a dotted dispatcher name without empty segments, e.g. com.example.rag");
            }
        });
    }

    /** Caps are checked against an upper bound too: some stores allocate their slots up front. */
    private static void inRange(String key, int value, int max) {
        if (value < 1 || value > max) {
            throw new InvalidLlamaTracePropertyException(PREFIX + "." + key, value, "an integer from 1 to " + max);
        }
    }

    /**
     * Returns {@code enabled}: Whether llamatrace is enabled.
     *
     * @return the value
     */
    public boolean isEnabled() {
        return this.enabled;
    }

    /**
     * Sets {@code enabled}: Whether llamatrace is enabled.
     *
     * @param enabled the new value
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Returns {@code capture-content}: Whether prompts, completions, documents and call arguments are captured into
     * traces, the endpoint and exported spans.
     *
     * @return the value
     */
    public boolean isCaptureContent() {
        return this.captureContent;
    }

    /**
     * Sets {@code capture-content}: Whether prompts, completions, documents and call arguments are captured into
     * traces, the endpoint and exported spans.
     *
     * @param captureContent the new value
     */
    public void setCaptureContent(boolean captureContent) {
        this.captureContent = captureContent;
    }

    /**
     * Returns {@code content-max-length}: Maximum length, in characters, of each captured content value; longer values
     * are truncated.
     *
     * @return the value
     */
    public int getContentMaxLength() {
        return this.contentMaxLength;
    }

    /**
     * Sets {@code content-max-length}: Maximum length, in characters, of each captured content value; longer values are
     * truncated.
     *
     * @param contentMaxLength the new value
     */
    public void setContentMaxLength(int contentMaxLength) {
        this.contentMaxLength = contentMaxLength;
    }

    /**
     * Returns {@code content-redaction}: Redaction of captured content.
     *
     * @return the value
     */
    public ContentRedaction getContentRedaction() {
        return this.contentRedaction;
    }

    /**
     * Returns {@code handlers}: Built-in handlers.
     *
     * @return the value
     */
    public Handlers getHandlers() {
        return this.handlers;
    }

    /**
     * Returns {@code aop}: The {@code @LlamaSpan} aspect.
     *
     * @return the value
     */
    public Aop getAop() {
        return this.aop;
    }

    /**
     * Returns {@code metrics}: Micrometer meters.
     *
     * @return the value
     */
    public Metrics getMetrics() {
        return this.metrics;
    }

    /**
     * Returns {@code tracing}: Export of spans as Micrometer observations (and so as distributed-tracing spans).
     *
     * @return the value
     */
    public Tracing getTracing() {
        return this.tracing;
    }

    /**
     * Returns {@code ui}: The trace viewer page.
     *
     * @return the value
     */
    public Ui getUi() {
        return this.ui;
    }

    /**
     * Returns {@code propagation}: Cross-process propagation.
     *
     * @return the value
     */
    public Propagation getPropagation() {
        return this.propagation;
    }

    /** The built-in handlers and where handler beans are attached. */
    public static class Handlers {

        /**
         * Dispatcher name per handler bean name, for handler beans that should listen on a named dispatcher instead of
         * the root. The {@code @LlamaTraceHandler} annotation does the same in code.
         */
        private final Map<String, String> dispatchers = new LinkedHashMap<>();

        /** Token counting. */
        private final TokenCounting tokenCounting = new TokenCounting();

        /** The debug handler: event pairs, timings and LLM inputs/outputs. */
        private final Debug debug = new Debug();

        /** The span handler keeping recent trace trees. */
        private final Spans spans = new Spans();

        /** The fine-tuning handler collecting chat examples as JSONL. */
        private final FineTuning fineTuning = new FineTuning();

        /**
         * Returns {@code dispatchers}: Dispatcher name per handler bean name, for handler beans that should listen on a
         * named dispatcher instead of the root.
         *
         * @return the value
         */
        public Map<String, String> getDispatchers() {
            return this.dispatchers;
        }

        /**
         * Returns {@code token-counting}: Token counting.
         *
         * @return the value
         */
        public TokenCounting getTokenCounting() {
            return this.tokenCounting;
        }

        /**
         * Returns {@code debug}: The debug handler: event pairs, timings and LLM inputs/outputs.
         *
         * @return the value
         */
        public Debug getDebug() {
            return this.debug;
        }

        /**
         * Returns {@code spans}: The span handler keeping recent trace trees.
         *
         * @return the value
         */
        public Spans getSpans() {
            return this.spans;
        }

        /**
         * Returns {@code fine-tuning}: The fine-tuning handler collecting chat examples as JSONL.
         *
         * @return the value
         */
        public FineTuning getFineTuning() {
            return this.fineTuning;
        }
    }

    /** Token counting settings. */
    public static class TokenCounting {

        /** Whether the token counting handler is registered. */
        private boolean enabled = true;

        /**
         * Tokenizer encoding used when a provider reports no usage: "auto" picks it from the model name (o200k_base
         * for gpt-4o, gpt-4.1, o1, o3 and o4 models, cl100k_base for every other model), or one encoding for all.
         */
        private String encoding = AUTO_ENCODING;

        /**
         * Maximum number of LLM tokens allowed; once exceeded, further LLM calls are refused with a
         * TokenBudgetExceededException. Unset means no budget.
         */
        private @Nullable Long tokenBudget;

        /**
         * Maximum number of per-call token records kept (per kind: LLM, embedding); older ones are evicted and counted.
         * Totals stay exact. About 0.2 KB per record with content capture off (0.4 MB at the default for both kinds);
         * with it on, each also keeps its prompt and completion, cut to content-max-length characters.
         */
        private int maxRecords = 1_000;

        /**
         * Returns {@code enabled}: Whether the token counting handler is registered.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return this.enabled;
        }

        /**
         * Sets {@code enabled}: Whether the token counting handler is registered.
         *
         * @param enabled the new value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns {@code encoding}: Tokenizer encoding used when a provider reports no usage: "auto" picks it from the
         * model name, falling back to cl100k_base.
         *
         * @return the value
         */
        public String getEncoding() {
            return this.encoding;
        }

        /**
         * Sets {@code encoding}: Tokenizer encoding used when a provider reports no usage: "auto" picks it from the
         * model name, falling back to cl100k_base.
         *
         * @param encoding the new value
         */
        public void setEncoding(String encoding) {
            this.encoding = encoding;
        }

        /**
         * Returns {@code token-budget}: Maximum number of LLM tokens allowed; further LLM work is refused once
         * exceeded.
         *
         * @return the value, {@code null} for no budget
         */
        public @Nullable Long getTokenBudget() {
            return this.tokenBudget;
        }

        /**
         * Sets {@code token-budget}: Maximum number of LLM tokens allowed; further LLM work is refused once exceeded.
         *
         * @param tokenBudget the new value
         */
        public void setTokenBudget(@Nullable Long tokenBudget) {
            this.tokenBudget = tokenBudget;
        }

        /**
         * Returns {@code max-records}: Maximum number of per-call token records kept (per kind: LLM, embedding); older
         * ones are evicted and counted.
         *
         * @return the value
         */
        public int getMaxRecords() {
            return this.maxRecords;
        }

        /**
         * Sets {@code max-records}: Maximum number of per-call token records kept (per kind: LLM, embedding); older
         * ones are evicted and counted.
         *
         * @param maxRecords the new value
         */
        public void setMaxRecords(int maxRecords) {
            this.maxRecords = maxRecords;
        }
    }

    /** Debug handler settings. */
    public static class Debug {

        /** Whether the debug handler is registered. */
        private boolean enabled = true;

        /**
         * Maximum number of events kept; older events are evicted and counted. About 0.15 KB per event with content
         * capture off (1.5 MB at the default); with it on, up to two values per event, cut to content-max-length
         * characters.
         */
        private int maxEvents = 10_000;

        /** Maximum number of ended callback traces (trace maps) kept; older ones are evicted and counted. */
        private int maxTraces = 100;

        /** Whether each ended callback trace is printed as a trace map to the log at DEBUG level. */
        private boolean printTraceOnEnd = false;

        /**
         * Returns {@code enabled}: Whether the debug handler is registered.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return this.enabled;
        }

        /**
         * Sets {@code enabled}: Whether the debug handler is registered.
         *
         * @param enabled the new value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns {@code max-events}: Maximum number of events kept; older events are evicted and counted.
         *
         * @return the value
         */
        public int getMaxEvents() {
            return this.maxEvents;
        }

        /**
         * Sets {@code max-events}: Maximum number of events kept; older events are evicted and counted.
         *
         * @param maxEvents the new value
         */
        public void setMaxEvents(int maxEvents) {
            this.maxEvents = maxEvents;
        }

        /**
         * Returns {@code max-traces}: Maximum number of ended callback traces (trace maps) kept; older ones are evicted
         * and counted.
         *
         * @return the value
         */
        public int getMaxTraces() {
            return this.maxTraces;
        }

        /**
         * Sets {@code max-traces}: Maximum number of ended callback traces (trace maps) kept; older ones are evicted
         * and counted.
         *
         * @param maxTraces the new value
         */
        public void setMaxTraces(int maxTraces) {
            this.maxTraces = maxTraces;
        }

        /**
         * Returns {@code print-trace-on-end}: Whether each ended callback trace is printed as a trace map to the log at
         * DEBUG level.
         *
         * @return the value
         */
        public boolean isPrintTraceOnEnd() {
            return this.printTraceOnEnd;
        }

        /**
         * Sets {@code print-trace-on-end}: Whether each ended callback trace is printed as a trace map to the log at
         * DEBUG level.
         *
         * @param printTraceOnEnd the new value
         */
        public void setPrintTraceOnEnd(boolean printTraceOnEnd) {
            this.printTraceOnEnd = printTraceOnEnd;
        }
    }

    /** Trace tree settings. */
    public static class Spans {

        /** Whether the span handler keeping trace trees is registered. */
        private boolean enabled = true;

        /**
         * Maximum number of ended spans kept for trace trees; the oldest span is evicted and counted. About 0.4 KB per
         * span plus 0.1 KB per kept event with content capture off (about 1 MB for 1,000 spans of 5 events).
         */
        private int capacity = 1_000;

        /**
         * Maximum number of events kept per span; later events of the span are counted, not kept. It multiplies with
         * the span caps (ended and open spans): about 0.1 KB per kept event with content capture off.
         */
        private int maxEventsPerSpan = 256;

        /**
         * Returns {@code enabled}: Whether the span handler keeping trace trees is registered.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return this.enabled;
        }

        /**
         * Sets {@code enabled}: Whether the span handler keeping trace trees is registered.
         *
         * @param enabled the new value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns {@code capacity}: Maximum number of ended spans kept for trace trees; the oldest span is evicted and
         * counted.
         *
         * @return the value
         */
        public int getCapacity() {
            return this.capacity;
        }

        /**
         * Sets {@code capacity}: Maximum number of ended spans kept for trace trees; the oldest span is evicted and
         * counted.
         *
         * @param capacity the new value
         */
        public void setCapacity(int capacity) {
            this.capacity = capacity;
        }

        /**
         * Returns {@code max-events-per-span}: Maximum number of events kept per span; later events of the span are
         * counted, not kept.
         *
         * @return the value
         */
        public int getMaxEventsPerSpan() {
            return this.maxEventsPerSpan;
        }

        /**
         * Sets {@code max-events-per-span}: Maximum number of events kept per span; later events of the span are
         * counted, not kept.
         *
         * @param maxEventsPerSpan the new value
         */
        public void setMaxEventsPerSpan(int maxEventsPerSpan) {
            this.maxEventsPerSpan = maxEventsPerSpan;
        }
    }

    /** Fine-tuning handler settings. */
    public static class FineTuning {

        /** Whether the fine-tuning handler is registered. It retains chat content, so it is off by default. */
        private boolean enabled = false;

        /**
         * Maximum number of chat examples kept; older examples are evicted and counted. Each keeps its messages, cut to
         * content-max-length characters each.
         */
        private int maxExamples = 1_000;

        /**
         * Whether the examples' message texts go through the redaction rules like all captured content. Off keeps them
         * as sent (fine-tuning data is content by purpose); they are still cut at content-max-length.
         */
        private boolean redact = true;

        /**
         * Returns {@code redact}: Whether the examples' message texts go through the redaction rules.
         *
         * @return the value
         */
        public boolean isRedact() {
            return this.redact;
        }

        /**
         * Sets {@code redact}: Whether the examples' message texts go through the redaction rules.
         *
         * @param redact the new value
         */
        public void setRedact(boolean redact) {
            this.redact = redact;
        }

        /**
         * Returns {@code enabled}: Whether the fine-tuning handler is registered.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return this.enabled;
        }

        /**
         * Sets {@code enabled}: Whether the fine-tuning handler is registered.
         *
         * @param enabled the new value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns {@code max-examples}: Maximum number of chat examples kept; older examples are evicted and counted.
         *
         * @return the value
         */
        public int getMaxExamples() {
            return this.maxExamples;
        }

        /**
         * Sets {@code max-examples}: Maximum number of chat examples kept; older examples are evicted and counted.
         *
         * @param maxExamples the new value
         */
        public void setMaxExamples(int maxExamples) {
            this.maxExamples = maxExamples;
        }
    }

    /** {@code @LlamaSpan} aspect settings. */
    public static class Aop {

        /** Whether methods annotated with @LlamaSpan open spans. */
        private boolean enabled = true;

        /**
         * Whether the arguments of @LlamaSpan methods are captured into their spans. They reach exported spans and the
         * endpoint only when capture-content is also on.
         */
        private boolean captureArguments = false;

        /**
         * Returns {@code enabled}: Whether methods annotated with @LlamaSpan open spans.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return this.enabled;
        }

        /**
         * Sets {@code enabled}: Whether methods annotated with @LlamaSpan open spans.
         *
         * @param enabled the new value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns {@code capture-arguments}: Whether the arguments of @LlamaSpan methods are captured into their spans.
         *
         * @return the value
         */
        public boolean isCaptureArguments() {
            return this.captureArguments;
        }

        /**
         * Sets {@code capture-arguments}: Whether the arguments of @LlamaSpan methods are captured into their spans.
         *
         * @param captureArguments the new value
         */
        public void setCaptureArguments(boolean captureArguments) {
            this.captureArguments = captureArguments;
        }
    }

    /** Micrometer meter settings. */
    public static class Metrics {

        /** Whether llamatrace and GenAI meters are registered when a MeterRegistry exists. */
        private boolean enabled = true;

        /**
         * Whether to keep Spring AI's own gen_ai.client.token.usage counter next to llamatrace's histogram of that
         * name (two meters of one name merge into one inconsistent series).
         */
        private boolean keepSpringAiTokenUsage;

        /**
         * Returns {@code keep-spring-ai-token-usage}: Whether to keep Spring AI's own gen_ai.client.token.usage
         * counter.
         *
         * @return the value
         */
        public boolean isKeepSpringAiTokenUsage() {
            return this.keepSpringAiTokenUsage;
        }

        /**
         * Sets {@code keep-spring-ai-token-usage}: Whether to keep Spring AI's own gen_ai.client.token.usage counter.
         *
         * @param keepSpringAiTokenUsage the new value
         */
        public void setKeepSpringAiTokenUsage(boolean keepSpringAiTokenUsage) {
            this.keepSpringAiTokenUsage = keepSpringAiTokenUsage;
        }

        /**
         * Returns {@code enabled}: Whether llamatrace and GenAI meters are registered when a MeterRegistry exists.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return this.enabled;
        }

        /**
         * Sets {@code enabled}: Whether llamatrace and GenAI meters are registered when a MeterRegistry exists.
         *
         * @param enabled the new value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Tracing bridge settings. */
    public static class Tracing {

        /** Whether each span becomes a Micrometer Observation when an ObservationRegistry exists. */
        private boolean enabled = true;

        /**
         * Whether exported spans carry the OpenInference attributes (span kind, llm.*, session.id, the flattened
         * message and document lists), which Arize Phoenix reads, beside the OpenTelemetry GenAI ones. On with
         * llamatrace.export.phoenix.enabled unless set.
         */
        private boolean openInference = false;

        /**
         * Returns {@code enabled}: Whether each span becomes a Micrometer Observation when an ObservationRegistry
         * exists.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return this.enabled;
        }

        /**
         * Sets {@code enabled}: Whether each span becomes a Micrometer Observation when an ObservationRegistry exists.
         *
         * @param enabled the new value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns {@code openInference}: Whether exported spans carry the OpenInference attributes (span kind,
         * llm.*, session.id, the flattened message and document lists) beside the OpenTelemetry GenAI ones.
         *
         * @return the value
         */
        public boolean isOpenInference() {
            return this.openInference;
        }

        /**
         * Sets {@code openInference}: Whether exported spans carry the OpenInference attributes beside the
         * OpenTelemetry GenAI ones.
         *
         * @param openInference the new value
         */
        public void setOpenInference(boolean openInference) {
            this.openInference = openInference;
        }
    }

    /** Cross-process propagation settings. */
    public static class Propagation {

        /**
         * Whether RestClient and WebClient requests carry the llamatrace context (active span and tags) in the
         * llamatrace-context header and servlet requests restore it, beside Micrometer Tracing's W3C headers.
         */
        private boolean enabled = true;

        /**
         * Returns {@code enabled}: Whether the llamatrace context crosses HTTP calls.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return this.enabled;
        }

        /**
         * Sets {@code enabled}.
         *
         * @param enabled the new value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Trace viewer page settings. */
    public static class Ui {

        /**
         * Whether the trace viewer page is served (servlet applications with Spring MVC). It reads the llamatrace
         * actuator endpoint from the browser, so it shows only what that endpoint's exposure and access allow. Off by
         * default, like Boot's H2 console.
         */
        private boolean enabled = false;

        /** Path of the trace viewer page. */
        private String path = "/llamatrace";

        /**
         * Returns {@code enabled}: Whether the trace viewer page is served.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return this.enabled;
        }

        /**
         * Sets {@code enabled}: Whether the trace viewer page is served.
         *
         * @param enabled the new value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns {@code path}: Path of the trace viewer page.
         *
         * @return the value
         */
        public String getPath() {
            return this.path;
        }

        /**
         * Sets {@code path}: Path of the trace viewer page.
         *
         * @param path the new value
         */
        public void setPath(String path) {
            this.path = path;
        }
    }

    /** Redaction of captured content. */
    public static class ContentRedaction {

        /**
         * Built-in rules applied to captured content, in this order; each match is replaced by the rule name in
         * brackets, e.g. [email]. Set to an empty list to turn them off.
         */
        private List<String> builtInRules = new ArrayList<>(BuiltInRedactionRules.NAMES);

        /**
         * Further rules: Java regular expressions by rule name, applied after the built-in ones; each match is replaced
         * by the rule name in brackets.
         */
        private Map<String, String> rules = new LinkedHashMap<>();

        void check() {
            for (String name : this.builtInRules) {
                if (!BuiltInRedactionRules.NAMES.contains(name)) {
                    throw new InvalidLlamaTracePropertyException(
                            PREFIX + ".content-redaction.built-in-rules",
                            name,
                            "names of built-in rules, among " + BuiltInRedactionRules.NAMES);
                }
            }
            this.rules.forEach((name, regex) -> {
                try {
                    Pattern.compile(regex);
                } catch (PatternSyntaxException ex) {
                    throw new InvalidLlamaTracePropertyException(
                            PREFIX + ".content-redaction.rules." + name,
                            regex,
                            "a Java regular expression (" + ex.getDescription() + " near index " + ex.getIndex() + ")");
                }
            });
        }

        /**
         * Returns {@code built-in-rules}: Built-in rules applied to captured content, in this order.
         *
         * @return the value
         */
        public List<String> getBuiltInRules() {
            return this.builtInRules;
        }

        /**
         * Sets {@code built-in-rules}: Built-in rules applied to captured content, in this order.
         *
         * @param builtInRules the new value
         */
        public void setBuiltInRules(List<String> builtInRules) {
            this.builtInRules = builtInRules;
        }

        /**
         * Returns {@code rules}: Further rules, Java regular expressions by rule name.
         *
         * @return the value
         */
        public Map<String, String> getRules() {
            return this.rules;
        }

        /**
         * Sets {@code rules}: Further rules, Java regular expressions by rule name.
         *
         * @param rules the new value
         */
        public void setRules(Map<String, String> rules) {
            this.rules = rules;
        }
    }
}
