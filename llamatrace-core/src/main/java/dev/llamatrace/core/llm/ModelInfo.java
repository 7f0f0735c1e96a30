package dev.llamatrace.core.llm;

import dev.llamatrace.core.internal.FrozenMap;
import java.util.Map;

/**
 * The model an operation runs on (LlamaIndex's {@code model_dict}, typed). Never holds credentials.
 *
 * @param provider the provider, as OpenTelemetry's {@code gen_ai.provider.name} spells it (e.g. {@code openai})
 * @param name the requested model name, e.g. {@code gpt-4o-mini}
 * @param parameters request parameters such as temperature or max tokens
 */
public record ModelInfo(String provider, String name, Map<String, Object> parameters) {

    /** A model nothing is known about. */
    public static final ModelInfo UNKNOWN = new ModelInfo("unknown", "unknown", Map.of());

    /**
     * Creates model information, copying the parameters (null values allowed).
     *
     * @param provider the provider
     * @param name the model name
     * @param parameters request parameters
     */
    public ModelInfo {
        parameters = FrozenMap.copyOf(parameters);
    }

    /**
     * Creates model information without parameters.
     *
     * @param provider the provider
     * @param name the model name
     * @return the model information
     */
    public static ModelInfo of(String provider, String name) {
        return new ModelInfo(provider, name, Map.of());
    }
}
