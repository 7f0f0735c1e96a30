package dev.llamatrace.autoconfigure.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The docs show the snippets {@link DocumentedSnippetsTests} runs, character for character: each snippet source file,
 * without its package line and without the lines marked {@code // test only}, is one {@code java} code block of its
 * page, imports included.
 */
class SnippetsAreDocumentedTests {

    private static final Path SNIPPETS = Path.of("src/test/java/dev/llamatrace/autoconfigure/docs");

    private static final Path REPOSITORY = Path.of("..");

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "AuditConfiguration.java, README.md",
        "RagService.java, README.md",
        "AsyncConfiguration.java, README.md",
        "LangChain4jConfiguration.java, README.md",
        "Rag.java, README.md",
        "SpringAiConfiguration.java, README.md"
    })
    void snippetIsACodeBlockOfItsPage(String snippet, String page) throws IOException {
        String code = asDocumented(Files.readString(SNIPPETS.resolve(snippet)));
        assertThat(javaBlocks(Files.readString(REPOSITORY.resolve(page))))
                .as("a java block of %s equal to %s", page, snippet)
                .contains(code);
    }

    private static String asDocumented(String source) {
        List<String> lines = source.lines().toList();
        int start = 0;
        while (!lines.get(start).startsWith("package ")) {
            start++;
        }
        start++;
        while (lines.get(start).isBlank()) {
            start++;
        }
        return lines.subList(start, lines.size()).stream()
                .filter((line) -> !line.endsWith("// test only"))
                .collect(Collectors.joining("\n"));
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```java")) {
                String indent = lines.get(i).substring(0, lines.get(i).indexOf('`'));
                List<String> block = new ArrayList<>();
                for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    String line = lines.get(i);
                    block.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
                }
                blocks.add(String.join("\n", block));
            }
        }
        return blocks;
    }
}
