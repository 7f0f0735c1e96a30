/**
 * Cross-process propagation over HTTP: outgoing {@code RestClient} and {@code WebClient} requests carry the
 * dispatcher's propagation context in a header, and a servlet filter restores it around incoming requests, beside
 * Micrometer Tracing's W3C headers.
 */
@NullMarked
package dev.llamatrace.autoconfigure.propagation;

import org.jspecify.annotations.NullMarked;
