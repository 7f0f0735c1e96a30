package dev.llamatrace.demo.web;

import dev.llamatrace.core.context.Conversations;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.demo.query.Answer;
import dev.llamatrace.demo.query.AnswerListener;
import dev.llamatrace.demo.query.QueryEngine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The question-answering API: {@code POST /api/ask} answers in one JSON document, {@code GET /api/ask/stream} answers
 * with server-sent events ({@code sources}, then {@code chunk}s, then {@code done}, or {@code error}).
 *
 * <p>A question may name its conversation ({@code conversationId} in the body, or the query parameter of the stream)
 * and the user it is asked for (the {@value AskLimits#USER_HEADER} header): the query's spans and events carry them,
 * the endpoint lists the conversation's traces, and the answer names them back.
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
    AskResponse ask(
            @Valid @RequestBody AskRequest request,
            @RequestHeader(name = AskLimits.USER_HEADER, required = false)
                    @Size(max = AskLimits.MAX_ID_LENGTH, message = AskLimits.LONG_USER)
                    @Nullable
                    String userId) {
        Conversation conversation = conversation(request.conversationId(), userId);
        try (TraceContext.Scope scope = open(conversation)) {
            return AskResponse.of(this.queryEngine.query(Objects.requireNonNull(request.question())), conversation);
        }
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestParam
                    @NotBlank(message = AskLimits.BLANK_QUESTION)
                    @Size(max = AskLimits.MAX_QUESTION_LENGTH, message = AskLimits.LONG_QUESTION)
                    String question,
            @RequestParam(required = false)
                    @Pattern(regexp = ".*\\S.*", flags = Pattern.Flag.DOTALL, message = AskLimits.BLANK_CONVERSATION)
                    @Size(max = AskLimits.MAX_ID_LENGTH, message = AskLimits.LONG_CONVERSATION)
                    @Nullable
                    String conversationId,
            @RequestHeader(name = AskLimits.USER_HEADER, required = false)
                    @Size(max = AskLimits.MAX_ID_LENGTH, message = AskLimits.LONG_USER)
                    @Nullable
                    String userId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Conversation conversation = conversation(conversationId, userId);
        try (TraceContext.Scope scope = open(conversation)) {
            this.queryEngine.stream(question, new EmitterListener(emitter, conversation));
        }
        return emitter;
    }

    /** The conversation a request names; a blank user header names no user. */
    private static @Nullable Conversation conversation(@Nullable String conversationId, @Nullable String userId) {
        String user = (userId != null && !userId.isBlank()) ? userId.strip() : null;
        return (conversationId != null || user != null) ? new Conversation(conversationId, user) : null;
    }

    private static TraceContext.Scope open(@Nullable Conversation conversation) {
        return (conversation != null) ? Conversations.open(conversation) : TraceContext.Scope.NOOP;
    }

    /** Forwards a streamed answer to the client as server-sent events. */
    private static final class EmitterListener implements AnswerListener {

        private final SseEmitter emitter;

        private final @Nullable Conversation conversation;

        EmitterListener(SseEmitter emitter, @Nullable Conversation conversation) {
            this.emitter = emitter;
            this.conversation = conversation;
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
            if (send("done", AskResponse.of(answer, this.conversation))) {
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
