/** The soak and fault suite: reliability checks that print figures, a short smoke of which runs in the build. */
@NullMarked
package dev.llamatrace.benchmarks.soak;

import org.jspecify.annotations.NullMarked;
