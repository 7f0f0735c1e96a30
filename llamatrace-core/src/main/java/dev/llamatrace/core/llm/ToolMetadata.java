package dev.llamatrace.core.llm;

import org.jspecify.annotations.Nullable;

/**
 * A tool the model can call.
 *
 * @param name the tool name
 * @param description what it does, or {@code null}
 * @param parametersSchema the JSON schema of its parameters, or {@code null}
 */
public record ToolMetadata(String name, @Nullable String description, @Nullable String parametersSchema) {}
