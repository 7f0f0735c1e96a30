/**
 * Redaction of captured content: the {@link dev.llamatrace.autoconfigure.redaction.ContentRedactor} contract, the
 * pattern rules it is usually made of, and the built-in rules (e-mail addresses, bearer tokens, API keys, payment card
 * numbers, phone numbers).
 */
@NullMarked
package dev.llamatrace.autoconfigure.redaction;

import org.jspecify.annotations.NullMarked;
