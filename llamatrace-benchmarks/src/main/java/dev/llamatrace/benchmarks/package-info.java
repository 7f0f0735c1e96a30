/**
 * JMH benchmarks that measure llamatrace's dispatcher next to the OpenTelemetry SDK and Micrometer Observation in the
 * same run, plus the lightweight handlers they use.
 */
@NullMarked
package dev.llamatrace.benchmarks;

import org.jspecify.annotations.NullMarked;
