package dev.llamatrace.autoconfigure.metrics;

import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import dev.llamatrace.core.cost.Cost;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.handler.TokenCountingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Records {@value LlamaTraceMeterNames#COST} from the costs the {@link TokenCountingEvent}s on the bus carry, the same
 * amounts the endpoint and span attributes show, tagged by provider, model and currency; counts without a cost go to
 * {@value LlamaTraceMeterNames#COST_UNPRICED} instead. The counter holds a {@code double}: exact amounts are the
 * endpoint's, the meter is for rates and dashboards.
 *
 * <p>The counter of a model is found with one lookup by model name (its provider and currency checked), so a priced
 * count costs a hash lookup and an add.
 */
public final class CostMetrics implements EventHandler {

    private static final double PICOS_PER_UNIT = 1e12;

    private final MeterRegistry registry;

    private final ConcurrentMap<String, Series> byModel = new ConcurrentHashMap<>();

    private final ConcurrentMap<Tags, Counter> others = new ConcurrentHashMap<>();

    /**
     * Creates the recorder.
     *
     * @param registry where meters are registered
     */
    public CostMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Event event) {
        if (event instanceof TokenCountingEvent count) {
            Cost cost = count.cost();
            if (cost != null) {
                counter(count, cost.currency()).increment(cost.picos() / PICOS_PER_UNIT);
            } else {
                counter(count, null).increment();
            }
        }
    }

    private Counter counter(TokenCountingEvent count, @Nullable String currency) {
        Series series = this.byModel.get(count.model());
        if (series != null && series.matches(count.provider(), currency)) {
            return series.counter;
        }
        Counter counter = register(count.model(), count.provider(), currency);
        if (series == null) {
            this.byModel.putIfAbsent(count.model(), new Series(count.provider(), currency, counter));
        }
        return counter;
    }

    private Counter register(String model, String provider, @Nullable String currency) {
        Tags tags = Tags.of(GenAiAttributes.PROVIDER_NAME, provider, GenAiAttributes.REQUEST_MODEL, model);
        if (currency == null) {
            return this.others.computeIfAbsent(tags, (key) -> Counter.builder(LlamaTraceMeterNames.COST_UNPRICED)
                    .description("GenAI client operations counted without a price (no price table entry, no cost "
                            + "reported by the provider)")
                    .tags(key)
                    .register(this.registry));
        }
        return this.others.computeIfAbsent(
                tags.and(LlamaTraceMeterNames.TAG_CURRENCY, currency),
                (key) -> Counter.builder(LlamaTraceMeterNames.COST)
                        .description("Cost of GenAI client operations, in the currency of the currency tag")
                        .tags(key)
                        .register(this.registry));
    }

    /** The counter of the first provider and currency a model was seen with. */
    private record Series(String provider, @Nullable String currency, Counter counter) {

        boolean matches(String provider, @Nullable String currency) {
            return this.provider.equals(provider)
                    && ((currency == null) ? this.currency == null : currency.equals(this.currency));
        }
    }
}
