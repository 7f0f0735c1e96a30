/**
 * What model calls cost: a {@link dev.llamatrace.core.cost.PriceTable} of per-model prices (the shipped defaults, or
 * the application's own), the {@link dev.llamatrace.core.cost.Cost} of one call, and the cost a provider reported
 * itself. Amounts are exact: prices have at most six decimals per million tokens, so a cost is a whole number of
 * 10<sup>-12</sup> currency units.
 */
@NullMarked
package dev.llamatrace.core.cost;

import org.jspecify.annotations.NullMarked;
