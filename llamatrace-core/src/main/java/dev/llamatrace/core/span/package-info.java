/** Spans as handlers see them: the span data type, the span handler contract and its template base class. */
@NullMarked
package dev.llamatrace.core.span;

import org.jspecify.annotations.NullMarked;
