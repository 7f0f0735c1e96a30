package dev.llamatrace.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

class TokenizerRuntimeHintsTests {

    @Test
    void everyEncodingTheHandlerCanLoadIsIncludedAsAResource() {
        RuntimeHints hints = new RuntimeHints();
        new TokenizerRuntimeHints().registerHints(hints, getClass().getClassLoader());
        assertThat(LlamaTraceProperties.allowedEncodings())
                .filteredOn((encoding) -> !encoding.equals("auto"))
                .allSatisfy((encoding) -> {
                    // p50k_edit shares p50k_base's vocabulary.
                    String file = encoding.equals("p50k_edit") ? "p50k_base" : encoding;
                    String resource = "com/knuddels/jtokkit/" + file + ".tiktoken";
                    assertThat(getClass().getClassLoader().getResource(resource))
                            .as(resource)
                            .isNotNull();
                    assertThat(RuntimeHintsPredicates.resource().forResource(resource))
                            .as(resource)
                            .accepts(hints);
                });
    }
}
