package dev.llamatrace.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterSeriesTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private MeterSeries<Counter> series(List<String> keys) {
        return new MeterSeries<>(
                keys, (tags) -> Counter.builder("calls").tags(tags).register(this.registry));
    }

    @Test
    void eachCombinationOfValuesIsOneMeterTaggedInTheOrderOfTheKeys() {
        MeterSeries<Counter> calls = series(List.of("operation", "provider", "model", "error.type"));
        calls.get("chat", "openai", "gpt-4o-mini", "none").increment();
        calls.get("chat", "openai", "gpt-4o-mini", "none").increment();
        MeterSeries.Values started = MeterSeries.Values.of("chat", "openai", "gpt-4o");
        calls.get(started, "none").increment();
        calls.get(started, "java.io.IOException").increment();

        assertThat(this.registry.find("calls").counters()).hasSize(3);
        Counter first = this.registry.get("calls").tag("model", "gpt-4o-mini").counter();
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.getId().getTags())
                .containsExactlyInAnyOrder(
                        Tag.of("operation", "chat"),
                        Tag.of("provider", "openai"),
                        Tag.of("model", "gpt-4o-mini"),
                        Tag.of("error.type", "none"));
        assertThat(this.registry
                        .get("calls")
                        .tags("model", "gpt-4o", "error.type", "java.io.IOException")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aSeriesNamesTwoToFourKeysAndEveryValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> series(List.of("one")));
        assertThatIllegalArgumentException().isThrownBy(() -> series(List.of("a", "b", "c", "d", "e")));
        MeterSeries<Counter> three = series(List.of("operation", "agent", "error.type"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> three.get(MeterSeries.Values.of("invoke_agent", "planner")))
                .withMessageContaining("error.type");
    }
}
