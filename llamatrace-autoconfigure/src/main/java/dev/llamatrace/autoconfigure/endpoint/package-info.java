/** The {@code llamatrace} actuator endpoint: token totals, event statistics, trace trees, reset. */
@NullMarked
package dev.llamatrace.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
