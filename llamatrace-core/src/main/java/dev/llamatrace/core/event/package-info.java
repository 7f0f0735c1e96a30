/** Events: the abstract {@link dev.llamatrace.core.event.Event}, the handler SPI and the built-in catalog. */
@NullMarked
package dev.llamatrace.core.event;

import org.jspecify.annotations.NullMarked;
