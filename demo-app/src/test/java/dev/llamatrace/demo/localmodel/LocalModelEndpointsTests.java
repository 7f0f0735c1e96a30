package dev.llamatrace.demo.localmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.demo.DemoServer;
import dev.llamatrace.demo.ServerSentEvents;
import dev.llamatrace.demo.ServerSentEvents.Sse;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class LocalModelEndpointsTests extends DemoServer {

    private static final String CONVERSATION =
            """
            {"model": "m", %s "messages": [
              {"role": "user", "content": "Zipkin is a distributed tracing system that stores spans."},
              {"role": "user", "content": "What is Zipkin?"}]}""";

    @Autowired
    private TokenCounter tokens;

    @Test
    void chatCompletionAnswersWithTheUsageOpenAiWouldBill() {
        HttpResponse<String> response = postJson("/v1/chat/completions", CONVERSATION.formatted(""));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("object").asString()).isEqualTo("chat.completion");
        assertThat(body.get("model").asString()).isEqualTo("m");
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("finish_reason").asString()).isEqualTo("stop");
        String answer = choice.get("message").get("content").asString();
        assertThat(answer).isEqualTo("Zipkin is a distributed tracing system that stores spans.");
        JsonNode usage = body.get("usage");
        assertThat(usage.get("completion_tokens").asInt()).isEqualTo(this.tokens.count(answer));
        int prompt = 3
                + (3
                        + this.tokens.count("user")
                        + this.tokens.count("Zipkin is a distributed tracing " + "system that stores spans."))
                + (3 + this.tokens.count("user") + this.tokens.count("What is Zipkin?"));
        assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(prompt);
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(prompt + this.tokens.count(answer));
    }

    @Test
    void streamedCompletionSendsChunksThenOneUsageChunkThenDone() {
        HttpResponse<String> response = postJson(
                "/v1/chat/completions",
                CONVERSATION.formatted("\"stream\": true, \"stream_options\": {\"include_usage\": true},"));

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
        List<Sse> events = ServerSentEvents.parse(response.body());
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream()
                .map((event) -> JSON.readTree(event.data()))
                .toList();
        assertThat(chunks).allSatisfy((chunk) -> {
            assertThat(chunk.get("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.get("id").asString())
                    .isEqualTo(chunks.get(0).get("id").asString());
        });
        assertThat(chunks.get(0).get("choices").get(0).get("delta").get("role").asString())
                .isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        chunks.forEach((chunk) -> {
            JsonNode choices = chunk.get("choices");
            if (!choices.isEmpty() && choices.get(0).get("delta").has("content")) {
                text.append(choices.get(0).get("delta").get("content").asString());
            }
        });
        assertThat(text).hasToString("Zipkin is a distributed tracing system that stores spans.");
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.get("choices")).isEmpty();
        assertThat(last.get("usage").get("completion_tokens").asInt()).isEqualTo(this.tokens.count(text.toString()));
        assertThat(chunks.stream().filter((chunk) -> chunk.has("usage"))).hasSize(1);
        assertThat(chunks.get(chunks.size() - 2)
                        .get("choices")
                        .get(0)
                        .get("finish_reason")
                        .asString())
                .isEqualTo("stop");
    }

    @Test
    void streamedCompletionWithoutIncludeUsageSendsNoUsage() {
        HttpResponse<String> response = postJson("/v1/chat/completions", CONVERSATION.formatted("\"stream\": true,"));

        assertThat(response.body()).doesNotContain("usage").endsWith("data: [DONE]\n\n");
    }

    @Test
    void embeddingsAreTheSameVectorsAsFloatsOrBase64() {
        JsonNode floats = json(postJson("/v1/embeddings", "{\"input\": [\"hello world\", \"tracing\"]}"));
        JsonNode base64 = json(postJson(
                "/v1/embeddings", "{\"input\": [\"hello world\", \"tracing\"], \"encoding_format\": \"base64\"}"));

        assertThat(floats.get("data")).hasSize(2);
        assertThat(floats.get("model").asString()).isEqualTo(MiniLmEncoder.MODEL_NAME);
        assertThat(floats.get("usage").get("prompt_tokens").asInt()).isEqualTo(3);
        for (int i = 0; i < 2; i++) {
            JsonNode vector = floats.get("data").get(i).get("embedding");
            assertThat(vector).hasSize(384);
            assertThat(floats.get("data").get(i).get("index").asInt()).isEqualTo(i);
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder()
                            .decode(base64.get("data").get(i).get("embedding").asString()))
                    .order(ByteOrder.LITTLE_ENDIAN);
            assertThat(bytes.remaining()).isEqualTo(384 * Float.BYTES);
            for (int d = 0; d < 384; d++) {
                assertThat(bytes.getFloat()).isEqualTo(vector.get(d).floatValue());
            }
        }
    }

    @Test
    void aModelRequestOverTheSizeLimitGetsA400() {
        // Just over the limit: Tomcat swallows the unread rest (up to 2 MB) so the client reads the answer.
        String huge = "x".repeat(16 * 1024 * 1024 + 100_000);

        HttpResponse<String> response = postJson("/v1/embeddings", "{\"input\": \"" + huge + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asString())
                .isEqualTo("Request body is larger than " + 16 * 1024 * 1024 + " bytes");
    }

    @Test
    void badModelRequestsGetA400ThatSaysWhy() {
        assertThat(json(postJson("/v1/chat/completions", "{\"messages\": []}"))
                        .get("detail")
                        .asString())
                .contains("'messages' must hold at least one message");
        assertThat(json(postJson("/v1/embeddings", "{\"input\": [1, 2]}"))
                        .get("detail")
                        .asString())
                .contains("token arrays are not supported");
        assertThat(json(postJson("/v1/embeddings", "{}")).get("detail").asString())
                .contains("'input' is required");
        assertThat(json(postJson("/v1/embeddings", "{\"input\": \"x\", \"encoding_format\": \"int8\"}"))
                        .get("detail")
                        .asString())
                .contains("'encoding_format' must be 'float' or 'base64'");
    }
}
