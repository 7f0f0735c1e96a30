package dev.llamatrace.demo.corpus;

/**
 * A piece of a guide page small enough to embed and to quote as context.
 *
 * @param id {@code <page id>#<n>}, n counting from 0
 * @param pageId the page it comes from
 * @param title the page title
 * @param text the chunk text: whole paragraphs, with fenced code blocks kept intact
 */
public record Chunk(String id, String pageId, String title, String text) {}
