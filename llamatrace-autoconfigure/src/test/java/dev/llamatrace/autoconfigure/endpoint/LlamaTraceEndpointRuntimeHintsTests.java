package dev.llamatrace.autoconfigure.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

class LlamaTraceEndpointRuntimeHintsTests {

    /** Every shape the endpoint answers with, including those behind the sections declared as {@code Object}. */
    private static final List<Class<? extends Record>> ANSWERS = List.of(
            LlamaTraceDescriptors.Summary.class,
            LlamaTraceDescriptors.TraceSummary.class,
            LlamaTraceDescriptors.Trace.class,
            LlamaTraceDescriptors.SpanNode.class,
            LlamaTraceDescriptors.TokenCount.class,
            LlamaTraceDescriptors.SpanEvent.class,
            LlamaTraceDescriptors.Message.class,
            LlamaTraceDescriptors.Document.class,
            LlamaTraceDescriptors.EventPairs.class,
            LlamaTraceDescriptors.CallbackEvent.class,
            LlamaTraceDescriptors.BadRequest.class);

    @Test
    void everyAnswerCanBeSerializedByJacksonInANativeImage() {
        RuntimeHints hints = new RuntimeHints();
        new LlamaTraceEndpointRuntimeHints().registerHints(hints, getClass().getClassLoader());
        assertThat(ANSWERS).allSatisfy((type) -> {
            for (RecordComponent component : type.getRecordComponents()) {
                assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
                        .as("%s.%s()", type.getSimpleName(), component.getName())
                        .accepts(hints);
            }
        });
    }

    @Test
    void springAotFindsTheHints() {
        // Listed in META-INF/spring/aot.factories rather than imported by the auto-configuration, so that a start on
        // the JVM does not load them.
        assertThat(AotServices.factories(getClass().getClassLoader()).load(RuntimeHintsRegistrar.class))
                .hasAtLeastOneElementOfType(LlamaTraceEndpointRuntimeHints.class);
    }
}
