/** The query path: query engine, retriever and synthesizer, each instrumented with llamatrace. */
@NullMarked
package dev.llamatrace.demo.query;

import org.jspecify.annotations.NullMarked;
