package dev.llamatrace.demo.query;

import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackManager;
import dev.llamatrace.core.callback.EventPayload;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.SynthesizeEndEvent;
import dev.llamatrace.core.event.SynthesizeStartEvent;
import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.core.span.SpanInvocation;
import dev.llamatrace.core.span.SpanNames;
import dev.llamatrace.demo.tools.PropertyDefaults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.stereotype.Component;

/**
 * Writes the answer: renders the question-answering prompt from the retrieved chunks (a TEMPLATING event of the
 * callback API), then asks the chat model through Spring AI's {@link ChatClient} (the llamatrace Spring AI adapter
 * turns that call into an LLM span). Both methods are spans and emit the built-in synthesize events (SYNTHESIZE). The
 * blocking answer offers the model the {@link PropertyDefaults} tool, so a question about a property's default becomes
 * an agent loop: model, tool, model.
 *
 * <p>Not {@code final}: {@code @LlamaSpan} works through a Spring AOP proxy, which subclasses the bean.
 */
@Component
public class Synthesizer {

    private final ChatClient chatClient;

    private final Dispatcher dispatcher;

    private final CallbackManager callbacks;

    private final PropertyDefaults propertyDefaults;

    Synthesizer(
            ChatClient.Builder chatClientBuilder, DispatcherRegistry dispatchers, PropertyDefaults propertyDefaults) {
        this.chatClient = chatClientBuilder.defaultSystem(QaPrompt.SYSTEM).build();
        this.propertyDefaults = propertyDefaults;
        this.dispatcher = dispatchers.get(Synthesizer.class);
        this.callbacks = new CallbackManager(this.dispatcher);
    }

    /**
     * Synthesizes an answer.
     *
     * @param question the question
     * @param nodes the retrieved chunks, best first
     * @return the answer text
     */
    @LlamaSpan
    public String synthesize(String question, List<NodeWithScore> nodes) {
        this.dispatcher.event(() -> new SynthesizeStartEvent(question));
        String prompt = template(question, nodes);
        // The model may call the property-default tool first; Spring AI runs it and asks the model again.
        String answer = Objects.requireNonNullElse(
                this.chatClient
                        .prompt()
                        .user(prompt)
                        .tools(this.propertyDefaults)
                        .call()
                        .content(),
                "");
        this.dispatcher.event(() -> new SynthesizeEndEvent(question, answer));
        return answer;
    }

    /**
     * Synthesizes an answer as a stream. The span is opened with the dispatcher API rather than {@code @LlamaSpan}: the
     * chat stream must be subscribed while the span is active, so the adapter parents the LLM span under it, and the
     * span must end when the stream ends, after the last chunk (exit), or when it fails (drop). The LLM span inside may
     * end a moment after it: Spring AI ends that one on the OpenAI SDK's reader thread while the last chunk travels to
     * this subscriber on another thread.
     *
     * @param question the question
     * @param nodes the retrieved chunks, best first
     * @param sink receives the chunks, then the whole answer or the failure
     */
    public void stream(String question, List<NodeWithScore> nodes, StreamSink sink) {
        SpanInvocation span =
                this.dispatcher.spanEnter(SpanNames.of(this, "stream"), this, Map.of("question", question));
        @Nullable String spanId = (span != null) ? span.id() : TraceContext.currentSpanId();
        StringBuilder answer = new StringBuilder();
        try (TraceContext.Scope scope = TraceContext.activate(span)) {
            this.dispatcher.event(() -> new SynthesizeStartEvent(question));
            String prompt = template(question, nodes);
            this.chatClient.prompt().user(prompt).stream()
                    .content()
                    .subscribe(
                            (chunk) -> {
                                answer.append(chunk);
                                sink.onChunk(chunk);
                            },
                            (error) -> {
                                if (span != null) {
                                    span.drop(error);
                                }
                                sink.onError(error);
                            },
                            () -> {
                                String text = answer.toString();
                                this.dispatcher.event(() -> new SynthesizeEndEvent(spanId, question, text));
                                if (span != null) {
                                    span.exit(text);
                                }
                                sink.onComplete(text);
                            });
        } catch (RuntimeException ex) {
            if (span != null) {
                span.drop(ex);
            }
            throw ex;
        }
    }

    /** TEMPLATING, with the callback API: the prompt template is filled with the question and the chunks. */
    private String template(String question, List<NodeWithScore> nodes) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("query_str", question);
        variables.put("context_str", nodes.stream().map(NodeWithScore::id).toList());
        Map<String, ?> payload = Map.of(
                EventPayload.TEMPLATE.value(), QaPrompt.NAME,
                EventPayload.TEMPLATE_VARS.value(), variables,
                EventPayload.SYSTEM_PROMPT.value(), QaPrompt.SYSTEM);
        return this.callbacks.inEvent(CBEventType.TEMPLATING, payload, (event) -> {
            String prompt = QaPrompt.render(question, nodes);
            event.onEnd(Map.of(EventPayload.PROMPT.value(), prompt));
            return prompt;
        });
    }

    /** Receives a streamed synthesis; its methods run on the thread that delivers the stream. */
    public interface StreamSink {

        /**
         * Called for each piece of the answer, in order.
         *
         * @param chunk the next piece
         */
        void onChunk(String chunk);

        /**
         * Called once after the last chunk, after the span exited.
         *
         * @param answer the whole answer
         */
        void onComplete(String answer);

        /**
         * Called instead of {@link #onComplete} when the stream fails, after the span was dropped.
         *
         * @param error the failure
         */
        void onError(Throwable error);
    }
}
