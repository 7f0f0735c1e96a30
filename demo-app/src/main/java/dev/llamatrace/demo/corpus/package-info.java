/** The bundled user guide: loading its pages and splitting them into chunks. */
@NullMarked
package dev.llamatrace.demo.corpus;

import org.jspecify.annotations.NullMarked;
