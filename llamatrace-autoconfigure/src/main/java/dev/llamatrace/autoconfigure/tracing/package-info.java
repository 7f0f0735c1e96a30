/**
 * The bridge from llamatrace spans to Micrometer observations, so Boot's tracing exports them (OTLP, Zipkin) with
 * OpenTelemetry GenAI and OpenInference attributes.
 */
@NullMarked
package dev.llamatrace.autoconfigure.tracing;

import org.jspecify.annotations.NullMarked;
