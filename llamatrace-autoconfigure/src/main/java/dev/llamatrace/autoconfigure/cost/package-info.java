/** Cost configuration: the price table and the cost budget, from {@code llamatrace.cost.*}. */
@NullMarked
package dev.llamatrace.autoconfigure.cost;

import org.jspecify.annotations.NullMarked;
