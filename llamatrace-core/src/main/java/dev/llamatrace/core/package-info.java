/** The instrumentation bus: dispatchers, their registry, operations and span scopes, and the failure policy. */
@NullMarked
package dev.llamatrace.core;

import org.jspecify.annotations.NullMarked;
