package dev.llamatrace.autoconfigure.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The documentation pages: the README and every page under {@code docs/}, paths relative to the repository. */
final class DocPages {

    /** The repository root, seen from this module. */
    static final Path REPOSITORY = Path.of("..");

    private DocPages() {}

    static List<String> all() throws IOException {
        List<String> pages = new ArrayList<>();
        pages.add("README.md");
        Path docs = REPOSITORY.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.list(docs)) {
                files.map((file) -> "docs/" + file.getFileName())
                        .filter((page) -> page.endsWith(".md"))
                        .sorted()
                        .forEach(pages::add);
            }
        }
        return pages;
    }

    static String read(String page) throws IOException {
        return Files.readString(REPOSITORY.resolve(page));
    }
}
