/** The {@code @LlamaSpan} annotation and the Spring AOP aspect that turns annotated bean methods into spans. */
@NullMarked
package dev.llamatrace.autoconfigure.aop;

import org.jspecify.annotations.NullMarked;
