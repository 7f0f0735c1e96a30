/** Micrometer meters for llamatrace: GenAI client meters and {@code llamatrace.*} meters. */
@NullMarked
package dev.llamatrace.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
