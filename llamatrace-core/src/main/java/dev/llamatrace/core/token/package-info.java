/** Token counting SPI: {@link dev.llamatrace.core.token.Tokenizer} and the model-to-tokenizer resolver. */
@NullMarked
package dev.llamatrace.core.token;

import org.jspecify.annotations.NullMarked;
