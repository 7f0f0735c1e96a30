/**
 * Zero-code instrumentation of Spring AI: observation handlers that turn Spring AI's chat, embedding, chat client, tool
 * and vector store observations into llamatrace spans and built-in events.
 */
@NullMarked
package dev.llamatrace.autoconfigure.springai;

import org.jspecify.annotations.NullMarked;
