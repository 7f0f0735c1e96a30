/** An offline, OpenAI-compatible model server (chat completions and embeddings) that the demo talks to by default. */
@NullMarked
package dev.llamatrace.demo.localmodel;

import org.jspecify.annotations.NullMarked;
