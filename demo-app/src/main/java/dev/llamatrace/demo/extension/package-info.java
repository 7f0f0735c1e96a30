/** Extending llamatrace: a custom event and a custom event handler. */
@NullMarked
package dev.llamatrace.demo.extension;

import org.jspecify.annotations.NullMarked;
