/**
 * Attribute names and values from the OpenTelemetry GenAI semantic conventions and OpenInference, and how llamatrace
 * events map onto them. Our own constants: no OpenInference Java artifact is a dependency.
 */
@NullMarked
package dev.llamatrace.autoconfigure.semconv;

import org.jspecify.annotations.NullMarked;
