package dev.llamatrace.demo.localmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.demo.query.QaPrompt;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PromptReaderTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsBackTheQuestionAndPassagesOfARenderedQaPrompt() {
        String prompt = QaPrompt.render(
                "How do I export traces?",
                List.of(
                        NodeWithScore.of("a#0", "# A\n\nFirst passage.\n", 0.9),
                        NodeWithScore.of("b#1", "Second.", 0.5)));

        PromptReader.Reading reading =
                PromptReader.read(List.of(message("system", QaPrompt.SYSTEM), message("user", prompt)));

        assertThat(reading.question()).isEqualTo("How do I export traces?");
        assertThat(reading.passages()).containsExactly("# A\n\nFirst passage.", "Second.");
    }

    @Test
    void readsAnyOtherConversationAsContextMessagesThenAQuestion() {
        PromptReader.Reading reading = PromptReader.read(List.of(
                message("system", "Be brief."),
                message("user", "Zipkin stores spans."),
                message("assistant", "Noted."),
                message("user", " What does Zipkin store? ")));

        assertThat(reading.question()).isEqualTo("What does Zipkin store?");
        assertThat(reading.passages()).containsExactly("Zipkin stores spans.", "Noted.");
    }

    @Test
    void readsMultiPartContent() {
        OpenAiJson.Message message = new OpenAiJson.Message(
                "user", JSON.readTree("[{\"type\":\"text\",\"text\":\"one\"},{\"type\":\"text\",\"text\":\"two\"}]"));

        assertThat(PromptReader.read(List.of(message)).question()).isEqualTo("one\ntwo");
    }

    @Test
    void aConversationWithoutUserMessageHasNoQuestion() {
        assertThat(PromptReader.read(List.of(message("system", "x"))).question())
                .isEmpty();
    }

    static OpenAiJson.Message message(String role, String content) {
        return new OpenAiJson.Message(role, JSON.getNodeFactory().stringNode(content));
    }
}
