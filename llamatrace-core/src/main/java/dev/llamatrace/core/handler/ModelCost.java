package dev.llamatrace.core.handler;

import java.math.BigDecimal;

/**
 * What the priced calls of one model cost.
 *
 * @param model the model name; {@value TokenCountingHandler#OTHER_MODELS} collects models beyond the cap
 * @param provider the provider first seen for the model
 * @param currency the currency of {@code amount}
 * @param amount the exact sum of the costs of the model's priced counts
 * @param counts the priced counts: LLM calls, and embedded texts
 * @param providerReported how many of them carried a cost the provider reported (the others were priced locally)
 */
public record ModelCost(
        String model, String provider, String currency, BigDecimal amount, long counts, long providerReported) {}
