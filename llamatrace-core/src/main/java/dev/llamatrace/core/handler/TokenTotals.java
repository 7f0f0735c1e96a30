package dev.llamatrace.core.handler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Exact running totals, overall and per model, safe under any concurrency; the model count is capped. */
final class TokenTotals {

    final Counters all = new Counters("all");

    private final Map<String, Counters> byModel = new ConcurrentHashMap<>();

    private final int maxModels;

    TokenTotals(int maxModels) {
        this.maxModels = BoundedBuffer.requirePositive(maxModels, "maxModels");
    }

    void add(TokenCountingEvent event, boolean llm) {
        this.all.add(event, llm);
        model(event.model(), event.provider()).add(event, llm);
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
        this.all.reset();
        this.byModel.clear();
    }

    static final class Counters {

        final String provider;

        final LongAdder calls = new LongAdder();

        final LongAdder prompt = new LongAdder();

        final LongAdder completion = new LongAdder();

        final LongAdder embedding = new LongAdder();

        Counters(String provider) {
            this.provider = provider;
        }

        void add(TokenCountingEvent event, boolean llm) {
            if (llm) {
                this.calls.increment();
                this.prompt.add(event.promptTokenCount());
                this.completion.add(event.completionTokenCount());
            } else {
                this.embedding.add(event.promptTokenCount());
            }
        }

        ModelTokenUsage snapshot(String model) {
            return new ModelTokenUsage(
                    model,
                    this.provider,
                    this.calls.sum(),
                    this.prompt.sum(),
                    this.completion.sum(),
                    this.embedding.sum());
        }

        void reset() {
            this.calls.reset();
            this.prompt.reset();
            this.completion.reset();
            this.embedding.reset();
        }
    }
}
