/**
 * Spans of results that complete after the call that returned them: futures, streams and iterators whose span ends
 * on completion, exhaustion or close, or is dropped as abandoned once the result becomes unreachable.
 */
@NullMarked
package dev.llamatrace.core.deferred;

import org.jspecify.annotations.NullMarked;
