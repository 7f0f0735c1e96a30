package dev.llamatrace.demo.web;

import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.demo.query.Answer;
import dev.llamatrace.demo.query.AnswerListener;
import dev.llamatrace.demo.query.QueryEngine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The question-answering API: {@code POST /api/ask} answers in one JSON document, {@code GET /api/ask/stream} answers
 * with server-sent events ({@code sources}, then {@code chunk}s, then {@code done}, or {@code error}).
 */
@RestController
@RequestMapping("/api/ask")
final class AskController {

    private static final Log logger = LogFactory.getLog(AskController.class);

    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(2);

    private final QueryEngine queryEngine;

    AskController(QueryEngine queryEngine) {
        this.queryEngine = queryEngine;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    AskResponse ask(@Valid @RequestBody AskRequest request) {
        return AskResponse.of(this.queryEngine.query(Objects.requireNonNull(request.question())));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestParam
                    @NotBlank(message = AskLimits.BLANK_QUESTION)
                    @Size(max = AskLimits.MAX_QUESTION_LENGTH, message = AskLimits.LONG_QUESTION)
                    String question) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        this.queryEngine.stream(question, new EmitterListener(emitter));
        return emitter;
    }

    /** Forwards a streamed answer to the client as server-sent events. */
    private static final class EmitterListener implements AnswerListener {

        private final SseEmitter emitter;

        EmitterListener(SseEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        public void onSources(List<NodeWithScore> sources, @Nullable String traceId) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("sources", AskResponse.Source.of(sources));
            data.put("traceId", traceId);
            send("sources", data);
        }

        @Override
        public void onChunk(String text) {
            send("chunk", Map.of("text", text));
        }

        @Override
        public void onComplete(Answer answer) {
            if (send("done", AskResponse.of(answer))) {
                this.emitter.complete();
            }
        }

        @Override
        public void onError(Throwable error) {
            logger.warn("Streamed answer failed", error);
            if (send("error", Map.of("detail", "The answer could not be completed: " + error.getMessage()))) {
                this.emitter.complete();
            }
        }

        private boolean send(String name, Object data) {
            try {
                this.emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
                return true;
            } catch (IOException | IllegalStateException ex) {
                // The client went away; the query's spans still end when the model's stream does.
                logger.debug("Client stopped listening to a streamed answer", ex);
                return false;
            }
        }
    }
}
