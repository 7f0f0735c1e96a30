/** The legacy-style callback API ({@code CallbackManager}, {@code CBEventType}) on top of the dispatcher. */
@NullMarked
package dev.llamatrace.core.callback;

import org.jspecify.annotations.NullMarked;
