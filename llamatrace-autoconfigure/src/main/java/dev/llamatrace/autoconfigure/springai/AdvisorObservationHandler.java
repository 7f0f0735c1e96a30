package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.core.Dispatcher;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;

/**
 * Turns Spring AI advisor observations into CHAIN spans named after the advisor (its {@code getName()}, e.g.
 * {@code SimpleLoggerAdvisor} or {@code MessageChatMemoryAdvisor}), between the {@code ChatClient} span and the model
 * call, so a RAG or memory advisor shows what it wraps and how long it takes. The advisors that only hand the request
 * to the model ({@code call}, {@code stream}), Spring AI's tool-calling advisor and llamatrace's own first-chunk advisor
 * get no span (see {@link #UNTRACED}): their children hang under the span above them.
 */
public final class AdvisorObservationHandler extends SpanObservationHandler<AdvisorObservationContext> {

    /**
     * Advisor names that get no span: Spring AI's last advisors, which call the model; its tool-calling advisor, whose
     * loop the {@code ChatClient} span already is (an AGENT span when tools are offered); and llamatrace's own.
     */
    static final Set<String> UNTRACED = Set.of("call", "stream", "Tool Calling Advisor", FirstChunkStreamAdvisor.NAME);

    /**
     * Creates the handler.
     *
     * @param dispatcher the dispatcher spans and events go to
     */
    public AdvisorObservationHandler(Dispatcher dispatcher) {
        super(dispatcher, AdvisorObservationContext.class);
    }

    @Override
    public void onStart(AdvisorObservationContext context) {
        if (!UNTRACED.contains(context.getAdvisorName())) {
            super.onStart(context);
        }
    }

    @Override
    String spanName(AdvisorObservationContext context) {
        return context.getAdvisorName();
    }

    @Override
    void started(AdvisorObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {
        // A chain span: its model, tool and retrieval children carry the payloads.
    }

    @Override
    void stopped(AdvisorObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {}

    @Override
    @Nullable
    Object result(AdvisorObservationContext context) {
        return ChatClientObservationHandler.answer(context.getChatClientResponse());
    }
}
