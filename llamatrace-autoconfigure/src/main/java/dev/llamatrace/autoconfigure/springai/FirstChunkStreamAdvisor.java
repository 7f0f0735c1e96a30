package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.event.LLMChatInProgressEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;

/**
 * Records the time to first chunk of streamed {@code ChatClient} calls (Spring AI has no per-chunk hook on its model
 * observations). For every streamed model call it dispatches one {@link LLMChatInProgressEvent}, stamped with the LLM
 * span, when the first chunk carrying output (text or a tool call) reaches the client; the event's response carries
 * the elapsed time since the LLM span started under {@link #TIME_TO_FIRST_CHUNK_NANOS} in its additional arguments.
 *
 * <p>It sits just outside Spring AI's own model advisor, inside the tool-calling loop, so each model call of the loop
 * is measured. The figure is taken where the client sees the chunk, after Spring AI hands the stream over to another
 * scheduler, so it includes that hop. {@code ChatModel.stream(...)} called without a {@code ChatClient} is not
 * measured. The auto-configuration adds this advisor to every {@code ChatClient.Builder}; add it by hand with
 * {@code ChatClient.builder(model).defaultAdvisors(advisor)} otherwise.
 */
public final class FirstChunkStreamAdvisor implements StreamAdvisor {

    /** Key, in the first-chunk event's {@code response().additionalKwargs()}, of the elapsed time (a {@code Long}). */
    public static final String TIME_TO_FIRST_CHUNK_NANOS = "time_to_first_chunk_nanos";

    /** The advisor's name. */
    public static final String NAME = "llamatrace first chunk";

    private final Dispatcher dispatcher;

    /**
     * Creates the advisor.
     *
     * @param dispatcher the dispatcher the event goes to (the chat model handler's)
     */
    public FirstChunkStreamAdvisor(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
        if (!this.dispatcher.hasEventHandlers()) {
            return chain.nextStream(request);
        }
        return Flux.deferContextual((view) -> {
            Observation observation = view.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
            if (observation == null || observation.isNoop()) {
                return chain.nextStream(request);
            }
            FirstChunkProbe probe = new FirstChunkProbe();
            observation.getContext().put(FirstChunkProbe.class, probe);
            return chain.nextStream(request).doOnNext((response) -> probe.onChunk(response, this.dispatcher));
        });
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrder() {
        // Just outside ChatModelStreamAdvisor (lowest precedence): inside the tool loop, one probe per model call.
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
