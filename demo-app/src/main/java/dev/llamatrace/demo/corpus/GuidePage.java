package dev.llamatrace.demo.corpus;

/**
 * One page of the bundled user guide.
 *
 * @param id the file name without extension, e.g. {@code export-zipkin}
 * @param title the page title, from its first {@code # } heading
 * @param text the markdown text
 */
public record GuidePage(String id, String title, String text) {}
