package dev.llamatrace.demo.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuideLoaderTests {

    private final List<GuidePage> pages = new GuideLoader(getClass().getClassLoader()).load();

    @Test
    void theGuideHasAtLeastThirtyPagesSortedById() {
        assertThat(this.pages).hasSizeGreaterThanOrEqualTo(30);
        assertThat(this.pages).extracting(GuidePage::id).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void everyPageHasATitleHeadingAndProse() {
        assertThat(this.pages).allSatisfy((page) -> {
            assertThat(page.text()).startsWith("# " + page.title() + "\n");
            assertThat(page.title()).isNotEqualTo(page.id());
            assertThat(page.text().split("\\s+").length).isGreaterThan(60);
        });
    }

    @Test
    void theZipkinPageIsThere() {
        assertThat(this.pages)
                .filteredOn((page) -> page.id().equals("export-zipkin"))
                .singleElement()
                .satisfies((page) -> assertThat(page.title()).isEqualTo("Exporting traces to Zipkin"));
    }
}
