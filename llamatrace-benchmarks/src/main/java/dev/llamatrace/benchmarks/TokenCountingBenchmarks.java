package dev.llamatrace.benchmarks;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.llamatrace.autoconfigure.metrics.CostMetrics;
import dev.llamatrace.autoconfigure.metrics.GenAiMeterFilter;
import dev.llamatrace.autoconfigure.metrics.TokenUsageMetrics;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.EventPayload;
import dev.llamatrace.core.cost.PriceTable;
import dev.llamatrace.core.handler.TokenCountPublisher;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.handler.TokenCountingHandlerBuilder;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ChatRole;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.UsageKeys;
import dev.llamatrace.core.token.JTokkitTokenizers;
import dev.llamatrace.core.token.Tokenizer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counting the tokens of one chat call at its end: {@link TokenCountingHandler#countLlmEnd} on the payload a
 * {@code LLMChatEndEvent} becomes ({@code messages} + {@code response}), against jtokkit called directly on exactly the
 * strings the handler's tokenizer fallback tokenizes.
 *
 * <p>The prompt is one user message whose text is {@link #SHORT_TEXT} (60 characters) or {@link #LONG_TEXT} (4,096
 * characters); the answer is {@link #ANSWER} (62 characters) in both cases. Without provider usage the handler
 * estimates the prompt from the messages (the role {@code user}, the text, plus 3) and tokenizes the completion as
 * LlamaIndex renders it ({@code assistant: <answer>}): three tokenizer calls, which the {@code jtokkit_*} baselines make
 * on the same three strings with the same {@code cl100k_base} encoding. The handler runs with its defaults
 * ({@link TokenCountingHandler#create()}: encoding chosen by model, the payload names none so {@code cl100k_base}; 1,000
 * retained records). With provider usage on the response the tokenizer is never called.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class TokenCountingBenchmarks {

    /** A 60-character question. */
    static final String SHORT_TEXT = "Which Paris museum holds the Mona Lisa, and since what year?";

    /** A 4,096-character prompt: retrieved context and a question. */
    static final String LONG_TEXT = longText(4096);

    /** The model's answer, 62 characters. */
    static final String ANSWER = "The Louvre has held the Mona Lisa since the French Revolution.";

    static final String EVENT_ID = "llm-1";

    static final long USAGE_PROMPT_TOKENS = 1_000;

    static final long USAGE_COMPLETION_TOKENS = 12;

    /** The model the priced payload names, priced by the shipped table. */
    static final String PRICED_MODEL = "gpt-4o-mini";

    private Encoding cl100k;

    /** The strings the handler tokenizes: the message role, and the completion rendered as {@code role: text}. */
    private final String userRole = ChatRole.USER.value();

    private String completionText;

    private Tokenizer tokenizer;

    TokenCountingHandler handler;

    TokenCountingHandler handlerWithMetrics;

    TokenCountPublisher publisher;

    SimpleMeterRegistry meterRegistry;

    TokenCountingHandler handlerWithCost;

    TokenCountPublisher publisherWithCost;

    SimpleMeterRegistry costMeterRegistry;

    Map<String, Object> shortWithUsagePriced;

    Map<String, Object> shortWithoutUsage;

    Map<String, Object> longWithoutUsage;

    Map<String, Object> shortWithUsage;

    Map<String, Object> longWithUsage;

    /** Builds the payloads, the handlers and the encoding once per trial, and loads the encodings. */
    @Setup(Level.Trial)
    public void setUp() {
        this.cl100k = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
        ChatMessage answer = ChatMessage.assistant(ANSWER);
        this.completionText = answer.toString();
        ChatResponse withoutUsage = ChatResponse.of(answer, Map.of());
        ChatResponse withUsage =
                ChatResponse.of(answer, UsageKeys.rawUsage(USAGE_PROMPT_TOKENS, USAGE_COMPLETION_TOKENS));
        this.shortWithoutUsage = chatEnd(SHORT_TEXT, withoutUsage);
        this.longWithoutUsage = chatEnd(LONG_TEXT, withoutUsage);
        this.shortWithUsage = chatEnd(SHORT_TEXT, withUsage);
        this.longWithUsage = chatEnd(LONG_TEXT, withUsage);

        this.tokenizer = JTokkitTokenizers.byModel().forModel(null);
        this.handler = TokenCountingHandler.create();
        this.handlerWithMetrics = TokenCountingHandler.create();
        this.meterRegistry = new SimpleMeterRegistry();
        // The conventions' histogram buckets, as the auto-configuration's meter filter gives them.
        this.meterRegistry.config().meterFilter(new GenAiMeterFilter());
        // As the auto-configuration wires it: the counting step publishes on the root dispatcher, the handler and the
        // meters consume the count there.
        Dispatcher root = new DispatcherRegistry().root();
        this.publisher = new TokenCountPublisher(root);
        root.addEventHandler(this.publisher);
        root.addEventHandler(this.handlerWithMetrics);
        root.addEventHandler(new TokenUsageMetrics(this.meterRegistry));
        // The same with pricing, as the auto-configuration wires it by default: the counting step prices each count
        // with the shipped table, the handler adds the cost up, and the cost meter records it.
        Map<String, Object> priced = new HashMap<>(this.shortWithUsage);
        priced.put(EventPayload.SERIALIZED.value(), ModelInfo.of("openai", PRICED_MODEL));
        this.shortWithUsagePriced = Map.copyOf(priced);
        this.handlerWithCost = TokenCountingHandler.create();
        this.costMeterRegistry = new SimpleMeterRegistry();
        Dispatcher pricedRoot = new DispatcherRegistry().root();
        this.publisherWithCost = new TokenCountPublisher(
                pricedRoot,
                JTokkitTokenizers.byModel(),
                TokenCountingHandlerBuilder.DEFAULT_MAX_OPEN_OPERATIONS,
                PriceTable.defaults());
        pricedRoot.addEventHandler(this.publisherWithCost);
        pricedRoot.addEventHandler(this.handlerWithCost);
        pricedRoot.addEventHandler(new TokenUsageMetrics(this.costMeterRegistry));
        pricedRoot.addEventHandler(new CostMetrics(this.costMeterRegistry));
        // The first count loads the vocabulary; keep that out of the first warmup iteration.
        this.handler.countLlmEnd(this.shortWithoutUsage, EVENT_ID);
        this.handler.reset();
    }

    private static Map<String, Object> chatEnd(String prompt, ChatResponse response) {
        return Map.of(
                EventPayload.MESSAGES.value(),
                List.of(ChatMessage.user(prompt)),
                EventPayload.RESPONSE.value(),
                response);
    }

    // jtokkit, the work the fallback must do at the least

    /**
     * The three {@code countTokensOrdinary} calls (the method llamatrace's jtokkit tokenizer uses) on the strings the
     * handler tokenizes for the 60-character prompt, summed as the handler sums them.
     *
     * @return prompt plus completion tokens
     */
    @Benchmark
    public int jtokkit_countOrdinary_60chars() {
        return countOrdinary(SHORT_TEXT);
    }

    /**
     * {@link #jtokkit_countOrdinary_60chars()} for the 4 KB prompt.
     *
     * @return prompt plus completion tokens
     */
    @Benchmark
    public int jtokkit_countOrdinary_4kb() {
        return countOrdinary(LONG_TEXT);
    }

    /**
     * The same three texts with {@code Encoding.countTokens}, which also scans for special-token text (the method the
     * performance anchors measured).
     *
     * @return prompt plus completion tokens
     */
    @Benchmark
    public int jtokkit_countTokens_60chars() {
        return this.cl100k.countTokens(this.userRole)
                + this.cl100k.countTokens(SHORT_TEXT)
                + 3
                + this.cl100k.countTokens(this.completionText);
    }

    /**
     * {@link #jtokkit_countTokens_60chars()} for the 4 KB prompt.
     *
     * @return prompt plus completion tokens
     */
    @Benchmark
    public int jtokkit_countTokens_4kb() {
        return this.cl100k.countTokens(this.userRole)
                + this.cl100k.countTokens(LONG_TEXT)
                + 3
                + this.cl100k.countTokens(this.completionText);
    }

    /**
     * The same three texts through llamatrace's own {@link Tokenizer} for the model (what the handler calls, without
     * the handler's bookkeeping): separates the cost of the wrapper from the cost of recording a count.
     *
     * @return prompt plus completion tokens
     */
    @Benchmark
    public int llamatrace_tokenizer_60chars() {
        return this.tokenizer.countTokens(this.userRole)
                + this.tokenizer.countTokens(SHORT_TEXT)
                + 3
                + this.tokenizer.countTokens(this.completionText);
    }

    private int countOrdinary(String prompt) {
        return this.cl100k.countTokensOrdinary(this.userRole)
                + this.cl100k.countTokensOrdinary(prompt)
                + 3
                + this.cl100k.countTokensOrdinary(this.completionText);
    }

    // llamatrace TokenCountingHandler

    /**
     * An LLM end without provider usage, 60-character prompt: both sides from the tokenizer.
     *
     * @return the recorded count
     */
    @Benchmark
    public @Nullable TokenCountingEvent llamatrace_countLlmEnd_60chars() {
        return this.handler.countLlmEnd(this.shortWithoutUsage, EVENT_ID);
    }

    /**
     * {@link #llamatrace_countLlmEnd_60chars()} for the 4 KB prompt.
     *
     * @return the recorded count
     */
    @Benchmark
    public @Nullable TokenCountingEvent llamatrace_countLlmEnd_4kb() {
        return this.handler.countLlmEnd(this.longWithoutUsage, EVENT_ID);
    }

    /**
     * An LLM end whose response carries provider usage, 60-character prompt: no tokenizer call.
     *
     * @return the recorded count
     */
    @Benchmark
    public @Nullable TokenCountingEvent llamatrace_countLlmEnd_usage_60chars() {
        return this.handler.countLlmEnd(this.shortWithUsage, EVENT_ID);
    }

    /**
     * {@link #llamatrace_countLlmEnd_usage_60chars()} for the 4 KB prompt (the texts are still kept on the record).
     *
     * @return the recorded count
     */
    @Benchmark
    public @Nullable TokenCountingEvent llamatrace_countLlmEnd_usage_4kb() {
        return this.handler.countLlmEnd(this.longWithUsage, EVENT_ID);
    }

    /**
     * {@link #llamatrace_countLlmEnd_usage_60chars()} wired as the auto-configuration wires it: the
     * {@link TokenCountPublisher} counts and dispatches the count on the root dispatcher, where the handler records it
     * and {@link TokenUsageMetrics} records both sides into the {@code gen_ai.client.token.usage} histogram (the
     * conventions' buckets, from {@link GenAiMeterFilter}) on a {@link SimpleMeterRegistry}.
     *
     * @return the recorded count
     */
    @Benchmark
    public @Nullable TokenCountingEvent llamatrace_countLlmEnd_usage_60chars_metrics() {
        return this.publisher.countLlmEnd(this.shortWithUsage, EVENT_ID, EVENT_ID);
    }

    /**
     * {@link #llamatrace_countLlmEnd_usage_60chars_metrics()} with pricing on, as the auto-configuration wires it by
     * default: the payload names {@value #PRICED_MODEL}, the counting step prices the count with
     * {@link PriceTable#defaults()} (the cost travels on the count), the handler adds it to its exact cost totals, and
     * {@link CostMetrics} records it into {@code llamatrace.cost} next to the token meter.
     *
     * @return the recorded count, carrying its cost
     */
    @Benchmark
    public @Nullable TokenCountingEvent llamatrace_countLlmEnd_usage_60chars_metrics_cost() {
        return this.publisherWithCost.countLlmEnd(this.shortWithUsagePriced, EVENT_ID, EVENT_ID);
    }

    private static String longText(int length) {
        String paragraph = "Context: The Louvre, in the first arrondissement of Paris, opened as a public museum in "
                + "August 1793, four years into the French Revolution, with 537 paintings drawn mostly from royal and "
                + "confiscated church property. Leonardo da Vinci's portrait of Lisa Gherardini, painted between 1503 "
                + "and 1519, entered the French royal collection under Francis I and moved to the museum after the "
                + "Revolution; Napoleon briefly hung it in his bedroom at the Tuileries. It was stolen on 21 August "
                + "1911 by Vincenzo Peruggia, an Italian handyman, and recovered in Florence in December 1913. Since "
                + "2005 it has hung behind bulletproof glass in the Salle des Etats, where about 30,000 visitors a day "
                + "see it; the room was renovated in 2019. ";
        StringBuilder text = new StringBuilder(length);
        int part = 1;
        while (text.length() < length) {
            text.append("[").append(part++).append("] ").append(paragraph);
        }
        text.setLength(length - SHORT_TEXT.length());
        return text.append(SHORT_TEXT).toString();
    }
}
