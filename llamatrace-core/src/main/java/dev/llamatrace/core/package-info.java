/** The instrumentation bus: dispatchers, their registry, the per-thread trace context and the failure policy. */
@NullMarked
package dev.llamatrace.core;

import org.jspecify.annotations.NullMarked;
