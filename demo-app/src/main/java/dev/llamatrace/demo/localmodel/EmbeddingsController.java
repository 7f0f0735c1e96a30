package dev.llamatrace.demo.localmodel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/embeddings}: the OpenAI embeddings API, answered by the in-process MiniLM model. Vectors are sent as
 * float arrays or, with {@code "encoding_format": "base64"} (what the official OpenAI SDKs ask for), as base64 of
 * little-endian float32 values. Usage counts MiniLM's own word-piece tokens.
 */
@RestController
final class EmbeddingsController {

    /** OpenAI's limit on inputs per request. */
    private static final int MAX_INPUTS = 2048;

    private final MiniLmEncoder encoder;

    EmbeddingsController(MiniLmEncoder encoder) {
        this.encoder = encoder;
    }

    @PostMapping(path = LocalModelPaths.EMBEDDINGS, consumes = MediaType.APPLICATION_JSON_VALUE)
    OpenAiJson.EmbeddingList embed(@RequestBody OpenAiJson.EmbeddingRequest request) {
        List<String> texts = texts(request.input());
        boolean base64 = "base64".equals(request.encodingFormat());
        if (!base64 && request.encodingFormat() != null && !"float".equals(request.encodingFormat())) {
            throw badRequest("'encoding_format' must be 'float' or 'base64'");
        }
        MiniLmEncoder.Encoded encoded = this.encoder.encode(texts);
        List<OpenAiJson.EmbeddingData> data = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] vector = encoded.vectors().get(i);
            data.add(new OpenAiJson.EmbeddingData("embedding", i, base64 ? toBase64(vector) : vector));
        }
        String model = (request.model() != null) ? request.model() : MiniLmEncoder.MODEL_NAME;
        return new OpenAiJson.EmbeddingList(
                "list", data, model, new OpenAiJson.EmbeddingUsage(encoded.tokens(), encoded.tokens()));
    }

    private static List<String> texts(@Nullable JsonNode input) {
        if (input == null || input.isNull()) {
            throw badRequest("'input' is required: a string or an array of strings");
        }
        if (input.isString()) {
            return List.of(nonEmpty(input.asString()));
        }
        if (!input.isArray() || input.isEmpty()) {
            throw badRequest("'input' must be a string or a non-empty array of strings");
        }
        if (input.size() > MAX_INPUTS) {
            throw badRequest("'input' may hold at most " + MAX_INPUTS + " texts");
        }
        List<String> texts = new ArrayList<>(input.size());
        for (JsonNode item : input) {
            if (!item.isString()) {
                throw badRequest("'input' must hold strings; token arrays are not supported");
            }
            texts.add(nonEmpty(item.asString()));
        }
        return texts;
    }

    private static String nonEmpty(String text) {
        if (text.isEmpty()) {
            throw badRequest("'input' must not contain empty strings");
        }
        return text;
    }

    private static String toBase64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
