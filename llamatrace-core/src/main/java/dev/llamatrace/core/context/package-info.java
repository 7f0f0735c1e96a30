/**
 * The per-thread trace context (the active span, the active tags and the open callback events) and the helpers that
 * carry it to other threads.
 */
@NullMarked
package dev.llamatrace.core.context;

import org.jspecify.annotations.NullMarked;
