package dev.llamatrace.demo.extension;

import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * A custom event handler, registered simply by being a bean: llamatrace subscribes every {@link EventHandler} bean to
 * the root dispatcher, so it sees every event and picks out {@link GroundingEvent}s. For each it records the best
 * retrieval score in the {@code demo.answer.grounding} distribution, counts weakly grounded answers in
 * {@code demo.answer.weakly.grounded}, and logs one line per question. The meters kept their names when grounding
 * became an evaluation; the same score is also in llamatrace's {@code llamatrace.evaluation.score} with
 * {@code gen_ai.evaluation.name=grounding}.
 */
@Component
public final class GroundingHandler implements EventHandler {

    private static final Log logger = LogFactory.getLog(GroundingHandler.class);

    private final DistributionSummary grounding;

    private final Counter weaklyGrounded;

    /**
     * Creates the handler.
     *
     * @param meters where to record
     */
    public GroundingHandler(MeterRegistry meters) {
        this.grounding = DistributionSummary.builder("demo.answer.grounding")
                .description("Similarity of the best retrieved chunk to the question")
                .register(meters);
        this.weaklyGrounded = Counter.builder("demo.answer.weakly.grounded")
                .description("Questions whose best retrieved chunk scored below " + GroundingEvent.WEAK_GROUNDING)
                .register(meters);
    }

    @Override
    public void handle(Event event) {
        if (!(event instanceof GroundingEvent grounding)) {
            return;
        }
        this.grounding.record(grounding.topScore());
        boolean weak = grounding.weak();
        if (weak) {
            this.weaklyGrounded.increment();
        }
        if (logger.isInfoEnabled()) {
            logger.info(String.format(
                    "%s question \"%s\": best source %s (score %.2f), span %s",
                    weak ? "Weakly grounded" : "Grounded",
                    abbreviate(grounding.question()),
                    grounding.sourceIds().isEmpty()
                            ? "none"
                            : grounding.sourceIds().get(0),
                    grounding.topScore(),
                    grounding.spanId()));
        }
    }

    private static String abbreviate(String text) {
        return (text.length() <= 80) ? text : text.substring(0, 77) + "...";
    }
}
