/** Spans: the span data type, span handlers, scopes and the bounded {@code SimpleSpanHandler}. */
@NullMarked
package dev.llamatrace.core.span;

import org.jspecify.annotations.NullMarked;
