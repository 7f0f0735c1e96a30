/** The llamatrace demo application. */
@NullMarked
package dev.llamatrace.demo;

import org.jspecify.annotations.NullMarked;
