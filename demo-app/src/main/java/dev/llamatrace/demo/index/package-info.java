/** The in-memory vector index and the ingestion that fills it at startup. */
@NullMarked
package dev.llamatrace.demo.index;

import org.jspecify.annotations.NullMarked;
