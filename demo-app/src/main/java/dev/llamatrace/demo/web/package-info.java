/** The demo's HTTP API and its error handling. */
@NullMarked
package dev.llamatrace.demo.web;

import org.jspecify.annotations.NullMarked;
