/**
 * Spring Boot auto-configuration of llamatrace: the dispatcher registry, the built-in handlers, the subscription of
 * handler beans and the {@code llamatrace.*} properties.
 */
@NullMarked
package dev.llamatrace.autoconfigure;

import org.jspecify.annotations.NullMarked;
