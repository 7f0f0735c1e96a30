package dev.llamatrace.autoconfigure.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration page's property table is generated from the configuration metadata (the Javadoc of the
 * properties' fields, as IDEs show it), and every {@code llamatrace.*} property any page's table names exists.
 */
class PropertyTableTests {

    /** The page holding the generated table of every property. */
    static final String CONFIGURATION_PAGE = "docs/configuration.md";

    private static final Pattern TABLE_PROPERTY =
            Pattern.compile("^\\| `((?:llamatrace|management\\.endpoint\\.llamatrace)\\.[a-z0-9.-]+)");

    @Test
    void configurationPageHasTheTableGeneratedFromTheMetadata() throws IOException {
        String table = generatedTable();
        assertThat(DocPages.read(CONFIGURATION_PAGE))
                .as(
                        "the property table of %s, generated from the metadata; replace it with:%n%s",
                        CONFIGURATION_PAGE, table)
                .contains(table);
    }

    @Test
    void everyPropertyATableNamesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (JsonNode property : properties()) {
            known.add(property.get("name").asString());
        }
        for (String page : DocPages.all()) {
            boolean propertyTable = false;
            String previous = "";
            for (String line : DocPages.read(page).lines().toList()) {
                String row = line.strip();
                if (row.startsWith("|") && !previous.startsWith("|")) {
                    propertyTable = row.startsWith("| Property |");
                }
                Matcher matcher = TABLE_PROPERTY.matcher(row);
                if (propertyTable && matcher.find()) {
                    String name = matcher.group(1);
                    assertThat(known.stream()
                                    .anyMatch((property) -> name.equals(property) || name.startsWith(property + ".")))
                            .as("%s names %s", page, name)
                            .isTrue();
                }
                previous = row;
            }
        }
    }

    /** The markdown table of every property of the metadata, sorted by name. */
    static String generatedTable() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("| Property | Default | Description |");
        rows.add("|---|---|---|");
        JsonNode metadata = metadata();
        for (JsonNode property : properties()) {
            String name = property.get("name").asString();
            String type = property.path("type").asString("");
            String shown = type.startsWith("java.util.Map<") ? name + ".*" : name;
            rows.add("| `" + shown + "` | " + defaultValue(property) + " | " + description(property)
                    + allowedValues(metadata, name) + " |");
        }
        return String.join("\n", rows);
    }

    private static String defaultValue(JsonNode property) {
        JsonNode value = property.get("defaultValue");
        return (value == null || value.isNull()) ? "" : "`" + value.asString() + "`";
    }

    /** The values a hint of the metadata lists for the property, if any. */
    private static String allowedValues(JsonNode metadata, String name) {
        List<String> values = metadata.path("hints")
                .valueStream()
                .filter((hint) -> hint.get("name").asString().equals(name))
                .flatMap((hint) -> hint.path("values").valueStream())
                .map((value) -> "`" + value.get("value").asString() + "`")
                .toList();
        return values.isEmpty() ? "" : " One of " + String.join(", ", values) + ".";
    }

    private static String description(JsonNode property) {
        return property.path("description")
                .asString("")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replaceAll("\\{@code ([^}]*)}", "`$1`")
                .replace("|", "\\|")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static List<JsonNode> properties() throws IOException {
        return metadata()
                .get("properties")
                .valueStream()
                .sorted(Comparator.comparing(
                        (JsonNode property) -> property.get("name").asString()))
                .collect(Collectors.toList());
    }

    private static JsonNode metadata() throws IOException {
        try (InputStream in = PropertyTableTests.class
                .getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            return JsonMapper.builder().build().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
