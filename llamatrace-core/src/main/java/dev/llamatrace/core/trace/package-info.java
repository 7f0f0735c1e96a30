/** Trace trees: the span handler that keeps recent spans with their events, and the trees built from them. */
@NullMarked
package dev.llamatrace.core.trace;

import org.jspecify.annotations.NullMarked;
