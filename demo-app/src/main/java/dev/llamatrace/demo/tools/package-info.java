/** The tools the demo's chat client offers the model: a property-default lookup over the configuration metadata. */
@NullMarked
package dev.llamatrace.demo.tools;

import org.jspecify.annotations.NullMarked;
