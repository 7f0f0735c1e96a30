package dev.llamatrace.autoconfigure.springai;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Configuration of the Spring AI instrumentation ({@code llamatrace.spring-ai.*}). */
@ConfigurationProperties(LlamaTraceSpringAiProperties.PREFIX)
public class LlamaTraceSpringAiProperties {

    /** The property prefix. */
    public static final String PREFIX = "llamatrace.spring-ai";

    /** The property switching the Spring AI instrumentation on and off. */
    public static final String ENABLED = PREFIX + ".enabled";

    /** The property switching the time-to-first-chunk advisor on and off. */
    public static final String TIME_TO_FIRST_CHUNK = PREFIX + ".time-to-first-chunk";

    /** Whether to turn Spring AI observations into llamatrace spans and events. */
    private boolean enabled = true;

    /** Whether to add an advisor to auto-configured ChatClient builders that records the time to first chunk. */
    private boolean timeToFirstChunk = true;

    /**
     * Returns whether the Spring AI instrumentation is on.
     *
     * @return whether it is on
     */
    public boolean isEnabled() {
        return this.enabled;
    }

    /**
     * Sets whether the Spring AI instrumentation is on.
     *
     * @param enabled whether it is on
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Returns whether the time-to-first-chunk advisor is added.
     *
     * @return whether it is added
     */
    public boolean isTimeToFirstChunk() {
        return this.timeToFirstChunk;
    }

    /**
     * Sets whether the time-to-first-chunk advisor is added.
     *
     * @param timeToFirstChunk whether it is added
     */
    public void setTimeToFirstChunk(boolean timeToFirstChunk) {
        this.timeToFirstChunk = timeToFirstChunk;
    }
}
