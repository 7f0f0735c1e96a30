/**
 * Zero-code instrumentation of LangChain4j: chat, embedding and content retriever listeners that produce llamatrace
 * spans and built-in events.
 */
@NullMarked
package dev.llamatrace.autoconfigure.langchain4j;

import org.jspecify.annotations.NullMarked;
