package dev.llamatrace.autoconfigure.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every relative link of the docs leads to an existing file and, with a {@code #fragment}, to a heading there. */
class DocLinksTests {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void relativeLinksAndAnchorsResolve() throws IOException {
        for (String page : DocPages.all()) {
            Path base = DocPages.REPOSITORY.resolve(page).getParent();
            for (String link : links(DocPages.read(page))) {
                if (link.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = link.indexOf('#');
                String file = (hash >= 0) ? link.substring(0, hash) : link;
                Path target = file.isEmpty()
                        ? DocPages.REPOSITORY.resolve(page)
                        : base.resolve(file).normalize();
                assertThat(target).as("%s links to %s", page, link).exists();
                if (hash >= 0 && target.toString().endsWith(".md")) {
                    assertThat(anchors(Files.readString(target)))
                            .as("%s links to %s", page, link)
                            .contains(link.substring(hash + 1));
                }
            }
        }
    }

    private static List<String> links(String markdown) {
        StringBuilder prose = new StringBuilder();
        boolean code = false;
        for (String line : markdown.lines().toList()) {
            if (line.strip().startsWith("```")) {
                code = !code;
            } else if (!code) {
                prose.append(line).append('\n');
            }
        }
        Matcher matcher = LINK.matcher(prose);
        List<String> links = new java.util.ArrayList<>();
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean code = false;
        for (String line : markdown.lines().toList()) {
            if (line.strip().startsWith("```")) {
                code = !code;
            } else if (!code && line.startsWith("#")) {
                String slug = line.replaceFirst("^#+\\s*", "")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-');
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }
}
