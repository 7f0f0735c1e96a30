package dev.llamatrace.core.handler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Exact running totals, overall and per model, safe under any concurrency; the model count is capped.
 *
 * <p>A count updates only its model's counters, three for an LLM call (plus one per usage detail the provider
 * reported) and one for an embedding count; the overall totals are the sums over the models (at most
 * {@code maxModels + 1}), read far less often than counts are added.
 */
final class TokenTotals {

    private final Map<String, Counters> byModel = new ConcurrentHashMap<>();

    private final int maxModels;

    TokenTotals(int maxModels) {
        this.maxModels = BoundedBuffer.requirePositive(maxModels, "maxModels");
    }

    void addLlm(String model, String provider, int promptTokens, int completionTokens, TokenUsageDetails details) {
        Counters counters = model(model, provider);
        counters.calls.increment();
        counters.prompt.add(promptTokens);
        counters.completion.add(completionTokens);
        if (!details.isEmpty()) {
            counters.cachedInput.add(details.cachedInputTokens());
            counters.cacheWriteInput.add(details.cacheWriteInputTokens());
            counters.reasoning.add(details.reasoningTokens());
        }
    }

    void addEmbedding(String model, String provider, int tokens) {
        model(model, provider).embedding.add(tokens);
    }

    long calls() {
        return sum((counters) -> counters.calls);
    }

    long prompt() {
        return sum((counters) -> counters.prompt);
    }

    long completion() {
        return sum((counters) -> counters.completion);
    }

    long llm() {
        return prompt() + completion();
    }

    long embedding() {
        return sum((counters) -> counters.embedding);
    }

    long cachedInput() {
        return sum((counters) -> counters.cachedInput);
    }

    long cacheWriteInput() {
        return sum((counters) -> counters.cacheWriteInput);
    }

    long reasoning() {
        return sum((counters) -> counters.reasoning);
    }

    private long sum(Function<Counters, LongAdder> counter) {
        long sum = 0;
        for (Counters counters : this.byModel.values()) {
            sum += counter.apply(counters).sum();
        }
        return sum;
    }

    private Counters model(String model, String provider) {
        Counters counters = this.byModel.get(model);
        if (counters != null) {
            return counters;
        }
        String key = (this.byModel.size() < this.maxModels) ? model : TokenCountingHandler.OTHER_MODELS;
        return this.byModel.computeIfAbsent(
                key, (name) -> new Counters(name.equals(TokenCountingHandler.OTHER_MODELS) ? "mixed" : provider));
    }

    Map<String, ModelTokenUsage> byModel() {
        Map<String, ModelTokenUsage> usage = new LinkedHashMap<>();
        this.byModel.forEach((model, counters) -> usage.put(model, counters.snapshot(model)));
        return usage;
    }

    void reset() {
        this.byModel.clear();
    }

    private static final class Counters {

        final String provider;

        final LongAdder calls = new LongAdder();

        final LongAdder prompt = new LongAdder();

        final LongAdder completion = new LongAdder();

        final LongAdder embedding = new LongAdder();

        final LongAdder cachedInput = new LongAdder();

        final LongAdder cacheWriteInput = new LongAdder();

        final LongAdder reasoning = new LongAdder();

        Counters(String provider) {
            this.provider = provider;
        }

        ModelTokenUsage snapshot(String model) {
            return new ModelTokenUsage(
                    model,
                    this.provider,
                    this.calls.sum(),
                    this.prompt.sum(),
                    this.completion.sum(),
                    this.embedding.sum(),
                    this.cachedInput.sum(),
                    this.cacheWriteInput.sum(),
                    this.reasoning.sum());
        }
    }
}
