package dev.llamatrace.demo.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool the demo's chat client offers the model: the default value of a {@code llamatrace.*} property, read from the
 * configuration metadata the starter ships ({@code META-INF/spring-configuration-metadata.json}), which is the
 * authority on defaults, unlike the guide's prose. Loaded once; about 60 properties.
 */
@Component
public class PropertyDefaults {

    /** The tool's name, as the model calls it. */
    public static final String TOOL_NAME = "property_default";

    /** The name of the tool's one parameter. */
    public static final String PARAMETER = "name";

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private static final String PREFIX = "llamatrace.";

    private final Map<String, Property> properties;

    PropertyDefaults(JsonMapper json) {
        this.properties = load(json);
    }

    /**
     * Looks up a property's default.
     *
     * @param name the full property name
     * @return the property, or one with no default and an explanation when there is no such property
     */
    @Tool(
            name = TOOL_NAME,
            description = "Returns the default value and the description of a llamatrace configuration property, "
                    + "from the configuration metadata")
    public Property propertyDefault(
            @ToolParam(description = "the full property name, e.g. llamatrace.enabled") String name) {
        Property property = this.properties.get(name.strip());
        return (property != null) ? property : new Property(name, null, "There is no property named " + name + ".");
    }

    private static Map<String, Property> load(JsonMapper json) {
        Map<String, Property> properties = new TreeMap<>();
        try {
            Enumeration<URL> files = PropertyDefaults.class.getClassLoader().getResources(METADATA);
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        if (name.startsWith(PREFIX)) {
                            JsonNode value = property.get("defaultValue");
                            properties.put(
                                    name,
                                    new Property(
                                            name,
                                            (value != null && !value.isNull()) ? value.asString() : null,
                                            property.path("description").asString("")));
                        }
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the configuration metadata", ex);
        }
        return properties;
    }

    /**
     * A property as the configuration metadata describes it.
     *
     * @param name the full name
     * @param defaultValue the default, or {@code null} when it has none
     * @param description what it does
     */
    public record Property(String name, @Nullable String defaultValue, String description) {}
}
