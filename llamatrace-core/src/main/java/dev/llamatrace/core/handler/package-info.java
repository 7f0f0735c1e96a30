/**
 * The built-in handlers on the bus: token counting ({@link dev.llamatrace.core.handler.TokenCountingHandler}),
 * debugging ({@link dev.llamatrace.core.handler.LlamaDebugHandler}) and fine-tuning export
 * ({@link dev.llamatrace.core.handler.OpenAIFineTuningHandler}). All retain bounded data and count what they evict.
 */
@NullMarked
package dev.llamatrace.core.handler;

import org.jspecify.annotations.NullMarked;
