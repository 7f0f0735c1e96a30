/**
 * Ids and clocks shared by the core packages. Not API: types here may change in any release.
 */
@NullMarked
package dev.llamatrace.core.internal;

import org.jspecify.annotations.NullMarked;
