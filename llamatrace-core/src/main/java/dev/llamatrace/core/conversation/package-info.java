/**
 * The conversation (session) and user a piece of work belongs to, as a value; spans and events carry it. Set it for a
 * scope with {@code dev.llamatrace.core.context.Conversations}.
 */
@NullMarked
package dev.llamatrace.core.conversation;

import org.jspecify.annotations.NullMarked;
