package dev.llamatrace.core.internal;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids for spans and events that are safe in URLs and unique across processes and restarts.
 *
 * <p>An id is a UUID (RFC 9562 version 8) whose upper half is a random number drawn once per process and whose lower
 * half is a sequence number unique in the process. Two processes collide only if they draw the same 60 random bits,
 * and a process never repeats itself. Only a sequence number is taken when a span or event is created; the text is
 * built when someone asks for it.
 *
 * <p>Each thread takes sequence numbers from its own block, so two threads creating spans never write to the same
 * memory on the hot path; the shared counter is touched once per {@value #BLOCK_SIZE} ids.
 */
public final class Ids {

    private static final int BLOCK_SIZE = 1024;

    private static final AtomicLong NEXT_BLOCK = new AtomicLong();

    private static final ThreadLocal<long[]> BLOCKS = ThreadLocal.withInitial(() -> new long[2]);

    /** The random half, with the version nibble set to 8 (custom layout). */
    private static final long PROCESS_BITS = (new SecureRandom().nextLong() & ~0xF000L) | 0x8000L;

    /** The variant bits of RFC 9562 UUIDs, in the lower half. */
    private static final long VARIANT = 0x8000_0000_0000_0000L;

    private static final long SEQUENCE_MASK = 0x3FFF_FFFF_FFFF_FFFFL;

    private Ids() {}

    /**
     * Returns the next sequence number, unique in this process.
     *
     * @return a positive number
     */
    public static long next() {
        long[] block = BLOCKS.get();
        if (block[0] == block[1]) {
            long start = NEXT_BLOCK.getAndAdd(BLOCK_SIZE);
            block[0] = start;
            block[1] = start + BLOCK_SIZE;
        }
        return ++block[0];
    }

    /**
     * Renders a sequence number as the unique part of an id: a UUID such as
     * {@code 3f9c2a71-0b4e-8d15-8000-00000000012a}, unique across processes.
     *
     * @param seq a value of {@link #next()}
     * @return the UUID text, 36 characters
     */
    public static String format(long seq) {
        return new UUID(PROCESS_BITS, VARIANT | (seq & SEQUENCE_MASK)).toString();
    }

    /**
     * Returns the id of a span: its name made URL-safe, {@code -}, and {@link #format(long) the unique part}, as
     * LlamaIndex's {@code <qualname>-<uuid>}.
     *
     * @param name the span name
     * @param seq a value of {@link #next()}
     * @return the id
     */
    public static String spanId(String name, long seq) {
        return urlSafe(name) + "-" + format(seq);
    }

    /**
     * Replaces every character that is not unreserved in a URL (RFC 3986: letters, digits, {@code -._~}) by
     * {@code _}, so {@code chat gpt-4o-mini} becomes {@code chat_gpt-4o-mini}.
     *
     * @param text any text
     * @return the text itself when it is already safe
     */
    public static String urlSafe(String text) {
        int length = text.length();
        int i = 0;
        while (i < length && unreserved(text.charAt(i))) {
            i++;
        }
        if (i == length) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (; i < length; i++) {
            if (!unreserved(chars[i])) {
                chars[i] = '_';
            }
        }
        return new String(chars);
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
