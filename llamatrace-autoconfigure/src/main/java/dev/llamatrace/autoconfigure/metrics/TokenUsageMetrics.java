package dev.llamatrace.autoconfigure.metrics;

import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.handler.TokenCountingEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Records the histogram {@value GenAiMeter#CLIENT_TOKEN_USAGE_NAME} from the {@link TokenCountingEvent}s on the bus
 * (provider usage or its tokenizer fallback), the same counts every other consumer sees, so tokens are never counted
 * twice. One input and one output sample per LLM call; one input sample per embedding count (the whole call when the
 * provider reported its usage, else each embedded text), so the sum over an embedding call is its token count. The
 * operation ({@code chat} or {@code text_completion}) is the one the count itself reports. The bucket boundaries come
 * from {@link GenAiMeterFilter}.
 */
public final class TokenUsageMetrics implements EventHandler {

    private final MeterSeries<DistributionSummary> usage;

    /**
     * Creates the recorder.
     *
     * @param registry where meters are registered
     */
    public TokenUsageMetrics(MeterRegistry registry) {
        this.usage = new MeterSeries<>(
                List.of(
                        GenAiAttributes.TOKEN_TYPE,
                        GenAiAttributes.OPERATION_NAME,
                        GenAiAttributes.PROVIDER_NAME,
                        GenAiAttributes.REQUEST_MODEL),
                (tags) -> DistributionSummary.builder(GenAiMeter.CLIENT_TOKEN_USAGE.meterName())
                        .description(GenAiMeter.CLIENT_TOKEN_USAGE.description())
                        .baseUnit(GenAiMeter.CLIENT_TOKEN_USAGE.unit())
                        .tags(tags)
                        .register(registry));
    }

    @Override
    public void handle(Event event) {
        if (event instanceof TokenCountingEvent count) {
            record(count);
        }
    }

    private void record(TokenCountingEvent count) {
        if (count.operation() == EventKind.EMBEDDING) {
            record(
                    count,
                    GenAiAttributes.OPERATION_EMBEDDINGS,
                    GenAiAttributes.TOKEN_TYPE_INPUT,
                    count.promptTokenCount());
            return;
        }
        String operation =
                count.isTextCompletion() ? GenAiAttributes.OPERATION_TEXT_COMPLETION : GenAiAttributes.OPERATION_CHAT;
        record(count, operation, GenAiAttributes.TOKEN_TYPE_INPUT, count.promptTokenCount());
        record(count, operation, GenAiAttributes.TOKEN_TYPE_OUTPUT, count.completionTokenCount());
    }

    private void record(TokenCountingEvent count, String operation, String tokenType, int tokens) {
        this.usage.get(tokenType, operation, count.provider(), count.model()).record(tokens);
    }
}
