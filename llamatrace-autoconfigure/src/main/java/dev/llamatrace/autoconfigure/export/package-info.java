/**
 * Trace export presets (Arize Phoenix, W&amp;B Weave) on top of Spring Boot's OTLP support, and the GenAI naming shared
 * by the framework adapters.
 */
@NullMarked
package dev.llamatrace.autoconfigure.export;

import org.jspecify.annotations.NullMarked;
