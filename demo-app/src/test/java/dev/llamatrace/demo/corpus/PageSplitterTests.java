package dev.llamatrace.demo.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageSplitterTests {

    private static final String PARAGRAPH = "word ".repeat(30).strip() + ".";

    @Test
    void shortPageIsOneChunkHeadedByItsTitle() {
        GuidePage page = new GuidePage("p", "Title", "# Title\n\nOne paragraph.\n\nAnother one.\n");

        List<Chunk> chunks = new PageSplitter(800).split(page);

        assertThat(chunks).singleElement().satisfies((chunk) -> {
            assertThat(chunk.id()).isEqualTo("p#0");
            assertThat(chunk.pageId()).isEqualTo("p");
            assertThat(chunk.text()).isEqualTo("# Title\n\nOne paragraph.\n\nAnother one.");
        });
    }

    @Test
    void longPageIsSplitBetweenParagraphsNeverInsideOne() {
        String text = "# T\n\n" + String.join("\n\n", List.of(PARAGRAPH, PARAGRAPH, PARAGRAPH, PARAGRAPH)) + "\n";

        List<Chunk> chunks = new PageSplitter(2 * PARAGRAPH.length() + 10).split(new GuidePage("p", "T", text));

        assertThat(chunks).extracting(Chunk::id).containsExactly("p#0", "p#1");
        assertThat(chunks)
                .allSatisfy((chunk) -> assertThat(chunk.text()).isEqualTo("# T\n\n" + PARAGRAPH + "\n\n" + PARAGRAPH));
    }

    @Test
    void aCodeBlockStaysWithTheParagraphThatIntroducesIt() {
        String text = "# T\n\n" + PARAGRAPH + "\n\nSet the key:\n\n```yaml\na:\n\n  b: 1\n```\n\nAfter.\n";

        List<Chunk> chunks = new PageSplitter(100).split(new GuidePage("p", "T", text));

        assertThat(chunks)
                .extracting(Chunk::text)
                .containsExactly("# T\n\n" + PARAGRAPH, "# T\n\nSet the key:\n```yaml\na:\n\n  b: 1\n```\n\nAfter.");
    }

    @Test
    void aTinyChunkSizeIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PageSplitter(99))
                .withMessageContaining("99");
    }
}
