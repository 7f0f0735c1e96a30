package dev.llamatrace.autoconfigure.semconv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackEvent;
import dev.llamatrace.core.event.EventPhase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link EventSemantics}. */
class EventSemanticsTests {

    @Test
    void callbackManagerStartsNameTheKindOfTheirSpan() {
        assertThat(EventSemantics.spanKind(start(CBEventType.LLM))).isEqualTo(OpenInferenceAttributes.KIND_LLM);
        assertThat(EventSemantics.spanKind(start(CBEventType.EMBEDDING)))
                .isEqualTo(OpenInferenceAttributes.KIND_EMBEDDING);
        assertThat(EventSemantics.spanKind(start(CBEventType.RETRIEVE)))
                .isEqualTo(OpenInferenceAttributes.KIND_RETRIEVER);
        assertThat(EventSemantics.spanKind(start(CBEventType.FUNCTION_CALL)))
                .isEqualTo(OpenInferenceAttributes.KIND_TOOL);
        assertThat(EventSemantics.spanKind(start(CBEventType.RERANKING)))
                .isEqualTo(OpenInferenceAttributes.KIND_RERANKER);
        assertThat(EventSemantics.spanKind(start(CBEventType.AGENT_STEP)))
                .isEqualTo(OpenInferenceAttributes.KIND_AGENT);
        assertThat(EventSemantics.spanKind(start(CBEventType.QUERY))).isEqualTo(OpenInferenceAttributes.KIND_CHAIN);
        assertThat(EventSemantics.spanKind(start(CBEventType.CHUNKING))).isNull();
    }

    @Test
    void callbackManagerEndsNameNoKind() {
        CallbackEvent end = new CallbackEvent("s-1", CBEventType.LLM, EventPhase.END, Map.of(), "e-1", null, null);
        assertThat(EventSemantics.spanKind(end)).isNull();
    }

    @Test
    void flattenedKeysFollowOpenInference() {
        assertThat(OpenInferenceAttributes.indexed(
                        OpenInferenceAttributes.LLM_INPUT_MESSAGES, 2, OpenInferenceAttributes.MESSAGE_CONTENT))
                .isEqualTo("llm.input_messages.2.message.content");
        assertThat(OpenInferenceAttributes.indexed(
                        OpenInferenceAttributes.RETRIEVAL_DOCUMENTS, 0, OpenInferenceAttributes.DOCUMENT_SCORE))
                .isEqualTo("retrieval.documents.0.document.score");
    }

    private static CallbackEvent start(CBEventType type) {
        return new CallbackEvent("s-1", type, EventPhase.START, Map.of(), "e-1", null, null);
    }
}
