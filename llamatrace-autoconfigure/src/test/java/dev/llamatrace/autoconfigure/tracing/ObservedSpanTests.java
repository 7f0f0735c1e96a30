package dev.llamatrace.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.span.SpanInvocation;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservedSpanTests {

    @Test
    void anAttributeTheOwnerSetWithTheSameValueIsNotAddedAgain() {
        Observation.Context context = new Observation.Context();
        context.addLowCardinalityKeyValue(KeyValue.of("gen_ai.request.model", "gpt-4o-mini"));
        context.addHighCardinalityKeyValue(KeyValue.of("gen_ai.usage.input_tokens", "11"));
        DispatcherRegistry registry = new DispatcherRegistry();
        registry.root().addSpanHandler(new SimpleSpanHandler());
        SpanInvocation invocation = registry.root().spanEnter("chat gpt-4o-mini", null, Map.of());
        ObservedSpan span = ObservedSpan.mirrored(invocation, context, false);

        span.put("gen_ai.request.model", "gpt-4o-mini");
        span.put("gen_ai.usage.input_tokens", 11);
        span.put("gen_ai.usage.output_tokens", 7);
        span.put("gen_ai.provider.name", "openai");

        assertThat(context.getHighCardinalityKeyValues())
                .extracting(KeyValue::getKey, KeyValue::getValue)
                .containsExactlyInAnyOrder(
                        tuple("gen_ai.usage.input_tokens", "11"),
                        tuple("gen_ai.usage.output_tokens", "7"),
                        tuple("gen_ai.provider.name", "openai"));
        // A different value replaces the owner's: the exported span shows the count every consumer sees.
        span.put("gen_ai.usage.input_tokens", 12);
        assertThat(context.getHighCardinalityKeyValue("gen_ai.usage.input_tokens")
                        .getValue())
                .isEqualTo("12");
    }

    @Test
    void aNumberIsRecognisedInItsDecimalRenderingOnly() {
        for (long value : new long[] {0, 7, 10, 11, 1_000_000, Long.MAX_VALUE}) {
            assertThat(ObservedSpan.isNumber(Long.toString(value), value)).isTrue();
            assertThat(ObservedSpan.isNumber(Long.toString(value), value + 1)).isFalse();
        }
        assertThat(ObservedSpan.isNumber("07", 7)).isFalse();
        assertThat(ObservedSpan.isNumber("", 0)).isFalse();
        assertThat(ObservedSpan.isNumber("7.0", 7)).isFalse();
        assertThat(ObservedSpan.isNumber("-7", -7)).isFalse();
        assertThat(ObservedSpan.isNumber("99999999999999999999", 0)).isFalse();
    }
}
