package dev.llamatrace.core.llm;

/**
 * A tool call requested by the model.
 *
 * @param id the call id assigned by the provider
 * @param name the tool name
 * @param arguments the arguments as a JSON text
 */
public record ToolCall(String id, String name, String arguments) {}
