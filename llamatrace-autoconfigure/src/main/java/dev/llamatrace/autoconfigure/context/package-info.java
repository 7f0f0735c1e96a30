/** Propagation of llamatrace's trace context through Micrometer context-propagation. */
@NullMarked
package dev.llamatrace.autoconfigure.context;

import org.jspecify.annotations.NullMarked;
