/** The trace viewer page: a single page served from the jar that renders the {@code llamatrace} endpoint's JSON. */
@NullMarked
package dev.llamatrace.autoconfigure.ui;

import org.jspecify.annotations.NullMarked;
