/** The payload model carried by built-in events: chat messages, responses, usage, models, nodes and tools. */
@NullMarked
package dev.llamatrace.core.llm;

import org.jspecify.annotations.NullMarked;
