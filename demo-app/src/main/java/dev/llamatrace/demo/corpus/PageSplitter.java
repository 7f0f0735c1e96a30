package dev.llamatrace.demo.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a page into chunks of whole paragraphs, each at most about {@code maxChars} long. A paragraph is never cut
 * (an over-long one becomes a chunk of its own) and a fenced code block stays with the paragraph before it, so every
 * chunk reads on its own. The page title is repeated at the top of each chunk, which helps both retrieval and the
 * reader of a trace.
 */
public final class PageSplitter {

    private final int maxChars;

    /**
     * Creates a splitter.
     *
     * @param maxChars the target maximum chunk length in characters
     */
    public PageSplitter(int maxChars) {
        if (maxChars < 100) {
            throw new IllegalArgumentException("maxChars must be at least 100, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /**
     * Splits one page.
     *
     * @param page the page
     * @return its chunks, in order
     */
    public List<Chunk> split(GuidePage page) {
        List<String> blocks = blocks(page.text());
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String block : blocks) {
            if (current.length() > 0 && current.length() + block.length() + 2 > this.maxChars) {
                chunks.add(chunk(page, chunks.size(), current));
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append("\n\n");
            }
            current.append(block);
        }
        if (current.length() > 0) {
            chunks.add(chunk(page, chunks.size(), current));
        }
        return chunks;
    }

    private static Chunk chunk(GuidePage page, int index, StringBuilder body) {
        String text = "# " + page.title() + "\n\n" + body;
        return new Chunk(page.id() + "#" + index, page.id(), page.title(), text);
    }

    /** Paragraphs, with a code block joined to the paragraph before it; the page title line is dropped. */
    private static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        boolean inCode = false;
        for (String line : text.split("\n", -1)) {
            boolean fence = line.strip().startsWith("```");
            if (!inCode && line.startsWith("# ")) {
                continue;
            }
            if (!inCode && line.isBlank()) {
                if (block.length() > 0) {
                    blocks.add(block.toString().strip());
                    block.setLength(0);
                }
                continue;
            }
            if (fence && !inCode && !blocks.isEmpty() && block.length() == 0) {
                block.append(blocks.remove(blocks.size() - 1)).append('\n');
            }
            if (fence) {
                inCode = !inCode;
            }
            block.append(line).append('\n');
        }
        if (block.length() > 0) {
            blocks.add(block.toString().strip());
        }
        return blocks;
    }
}
