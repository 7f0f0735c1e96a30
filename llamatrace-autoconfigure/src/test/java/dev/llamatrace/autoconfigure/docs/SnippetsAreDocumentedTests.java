package dev.llamatrace.autoconfigure.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The docs show the snippets {@link DocumentedSnippetsTests} and {@code CoreSnippetsTests} run, character for
 * character: each snippet source file, without its package line and without the lines marked {@code // test only}, is
 * one {@code java} code block of its page, imports included; and no page has any other java code block.
 */
class SnippetsAreDocumentedTests {

    private static final Path SNIPPETS = Path.of("src/test/java/dev/llamatrace/autoconfigure/docs");

    /** Every snippet and the page that shows it. */
    static List<Snippet> snippets() {
        return List.of(
                new Snippet("AuditConfiguration.java", "docs/spring-boot.md"),
                new Snippet("RagService.java", "docs/spring-boot.md"),
                new Snippet("AsyncConfiguration.java", "docs/spring-boot.md"),
                new Snippet("ChatService.java", "docs/spring-boot.md"),
                new Snippet("LangChain4jConfiguration.java", "docs/langchain4j.md"),
                new Snippet("Rag.java", "docs/langchain4j.md"),
                new Snippet("AssistantConfiguration.java", "docs/langchain4j.md"),
                new Snippet("SpringAiConfiguration.java", "docs/spring-ai.md"),
                new Snippet("core/MyRetriever.java", "docs/core-api.md"),
                new Snippet("core/MyEvent.java", "docs/core-api.md"),
                new Snippet("core/JudgeAnswer.java", "docs/core-api.md"),
                new Snippet("core/RetrieveAndRerank.java", "docs/core-api.md"),
                new Snippet("core/TaggedWork.java", "docs/core-api.md"),
                new Snippet("core/RemoteWork.java", "docs/core-api.md"),
                new Snippet("core/ConversationTurn.java", "docs/core-api.md"),
                new Snippet("core/TraceTrees.java", "docs/core-api.md"),
                new Snippet("core/CallbackQuery.java", "docs/callback-api.md"),
                new Snippet("core/BusTokenCounts.java", "docs/callback-api.md"));
    }

    @ParameterizedTest
    @MethodSource("snippets")
    void snippetIsACodeBlockOfItsPage(Snippet snippet) throws IOException {
        assertThat(javaBlocks(snippet.page()))
                .as("a java block of %s equal to %s", snippet.page(), snippet.file())
                .contains(snippet.code());
    }

    @Test
    void everyJavaBlockOfThePagesIsATestedSnippet() throws IOException {
        List<String> tested = snippets().stream().map(Snippet::code).toList();
        for (String page : DocPages.all()) {
            assertThat(javaBlocks(page)).as("java blocks of %s", page).isSubsetOf(tested);
        }
    }

    private static List<String> javaBlocks(String page) throws IOException {
        List<String> blocks = new ArrayList<>();
        List<String> lines = DocPages.read(page).lines().toList();
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

    /** A snippet source file and the page that shows it. */
    record Snippet(String file, String page) {

        /** The code as the page shows it. */
        String code() {
            List<String> lines;
            try {
                lines = Files.readString(SNIPPETS.resolve(this.file)).lines().toList();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
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

        @Override
        public String toString() {
            return this.file + " in " + this.page;
        }
    }
}
