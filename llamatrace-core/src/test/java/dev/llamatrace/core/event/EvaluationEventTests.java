package dev.llamatrace.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationEventTests {

    @Test
    void aResultInsideASpanIsStampedWithItAndOneBuiltForASpanWithThatSpan() {
        DispatcherRegistry registry = new DispatcherRegistry();
        Dispatcher dispatcher = registry.root();
        List<Event> events = new ArrayList<>();
        dispatcher.addEventHandler(events::add);
        dispatcher.addSpanHandler(new SimpleSpanHandler());
        String spanId = dispatcher.span("answer", () -> {
            dispatcher.event(EvaluationEvent.named("relevance").score(0.8).build());
            return TraceContext.currentSpanId();
        });
        dispatcher.event(EvaluationEvent.named("faithfulness")
                .label("faithful")
                .explanation("every claim is in the sources")
                .responseId("chatcmpl-1")
                .forSpan(spanId)
                .build());
        assertThat(events).hasSize(2).allSatisfy((event) -> assertThat(event.spanId())
                .isEqualTo(spanId));
        EvaluationEvent faithfulness = (EvaluationEvent) events.get(1);
        assertThat(faithfulness.name()).isEqualTo("faithfulness");
        assertThat(faithfulness.score()).isNull();
        assertThat(faithfulness.label()).isEqualTo("faithful");
        assertThat(faithfulness.explanation()).isEqualTo("every claim is in the sources");
        assertThat(faithfulness.responseId()).isEqualTo("chatcmpl-1");
        assertThat(((EvaluationEvent) events.get(0)).score()).isEqualTo(0.8);
        assertThat(events.get(0).kind()).isNull();
        assertThat(events.get(0).phase()).isEqualTo(EventPhase.INSTANT);
    }

    @Test
    void aResultNeedsANameAndAScoreOrALabel() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EvaluationEvent.named(" ").score(1).build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EvaluationEvent.named("relevance").build())
                .withMessageContaining("relevance");
    }

    @Test
    void theKeptCopyHasTheSameIdentityAndClassNameAndTheExplanationGiven() {
        Custom original = new Custom();
        EvaluationEvent kept = original.kept(null);
        assertThat(kept).isNotSameAs(original);
        assertThat(kept.id()).isEqualTo(original.id());
        assertThat(kept.nanoTime()).isEqualTo(original.nanoTime());
        assertThat(kept.className()).isEqualTo("Custom");
        assertThat(kept.name()).isEqualTo("custom");
        assertThat(kept.score()).isEqualTo(0.25);
        assertThat(kept.explanation()).isNull();
        assertThat(original.kept("cut").explanation()).isEqualTo("cut");
    }

    static final class Custom extends EvaluationEvent {

        Custom() {
            super("custom", 0.25, null, "a long explanation", null);
        }
    }
}
