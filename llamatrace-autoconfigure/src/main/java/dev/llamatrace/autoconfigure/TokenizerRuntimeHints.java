package dev.llamatrace.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Includes jtokkit's vocabularies in a native image: the token counting handler's fallback tokenizer loads them as
 * class path resources on first use, and which one it needs depends on the models an application calls (about 7 MB
 * for all four encodings).
 */
final class TokenizerRuntimeHints implements RuntimeHintsRegistrar {

    /** Where jtokkit keeps its vocabularies, one {@code <encoding>.tiktoken} file per encoding. */
    static final String VOCABULARIES = "com/knuddels/jtokkit/*.tiktoken";

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.resources().registerPattern(VOCABULARIES);
    }
}
