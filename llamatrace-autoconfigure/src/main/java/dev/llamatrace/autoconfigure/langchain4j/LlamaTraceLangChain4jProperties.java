package dev.llamatrace.autoconfigure.langchain4j;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Configuration of the LangChain4j instrumentation ({@code llamatrace.langchain4j.*}). */
@ConfigurationProperties(LlamaTraceLangChain4jProperties.PREFIX)
public class LlamaTraceLangChain4jProperties {

    /** The property prefix. */
    public static final String PREFIX = "llamatrace.langchain4j";

    /** The property switching the LangChain4j instrumentation on and off. */
    public static final String ENABLED = PREFIX + ".enabled";

    /**
     * Whether the llamatrace LangChain4j listener beans emit spans and events. When off they stay beans (code that
     * attaches them keeps working) but nothing listens to them.
     */
    private boolean enabled = true;

    /**
     * Returns whether the LangChain4j instrumentation is on.
     *
     * @return whether it is on
     */
    public boolean isEnabled() {
        return this.enabled;
    }

    /**
     * Sets whether the LangChain4j instrumentation is on.
     *
     * @param enabled whether it is on
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
