package dev.llamatrace.demo.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/** Loads the guide pages bundled under {@code classpath:corpus/*.md}, sorted by file name. */
public final class GuideLoader {

    /** Where the pages live. */
    public static final String LOCATION = "classpath:corpus/*.md";

    private final ResourcePatternResolver resolver;

    /**
     * Creates a loader reading from the class path of the given class loader.
     *
     * @param classLoader the class loader
     */
    public GuideLoader(ClassLoader classLoader) {
        this.resolver = new PathMatchingResourcePatternResolver(classLoader);
    }

    /**
     * Loads every page.
     *
     * @return the pages, sorted by id
     * @throws UncheckedIOException when a page cannot be read
     */
    public List<GuidePage> load() {
        try {
            List<GuidePage> pages = new ArrayList<>();
            for (Resource resource : this.resolver.getResources(LOCATION)) {
                pages.add(read(resource));
            }
            pages.sort(Comparator.comparing(GuidePage::id));
            return pages;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the guide pages at " + LOCATION, ex);
        }
    }

    private static GuidePage read(Resource resource) throws IOException {
        String fileName = Objects.requireNonNull(resource.getFilename(), "file name");
        String id = fileName.substring(0, fileName.length() - ".md".length());
        String text;
        try (InputStream in = resource.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String title = text.lines()
                .filter((line) -> line.startsWith("# "))
                .map((line) -> line.substring(2).strip())
                .findFirst()
                .orElse(id);
        return new GuidePage(id, title, text);
    }
}
