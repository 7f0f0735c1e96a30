package dev.llamatrace.demo.localmodel;

/** The paths the local model server answers on; the same as OpenAI's under a {@code /v1} base URL. */
final class LocalModelPaths {

    /** The base path; point {@code spring.ai.openai.base-url} at {@code http://host:port/v1}. */
    static final String BASE = "/v1";

    /** Chat completions, JSON or server-sent events. */
    static final String CHAT_COMPLETIONS = BASE + "/chat/completions";

    /** Embeddings. */
    static final String EMBEDDINGS = BASE + "/embeddings";

    private LocalModelPaths() {}
}
