/** Content limits: how much of prompts, answers, documents and exception messages a handler keeps when it records. */
@NullMarked
package dev.llamatrace.core.content;

import org.jspecify.annotations.NullMarked;
