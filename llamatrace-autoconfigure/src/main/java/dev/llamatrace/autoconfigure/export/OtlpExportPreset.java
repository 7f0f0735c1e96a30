package dev.llamatrace.autoconfigure.export;

import org.jspecify.annotations.Nullable;

/**
 * The settings every OTLP/HTTP trace export preset shares: an on switch, the trace endpoint and an API key.
 * Each preset's own descriptions and default endpoint are in {@code additional-spring-configuration-metadata.json},
 * because the configuration processor describes an inherited property by the field of this class.
 */
public abstract class OtlpExportPreset {

    /** Whether to export traces to the backend. */
    private boolean enabled;

    /** The backend's OTLP/HTTP trace endpoint. */
    private String endpoint;

    /** The backend's API key. */
    private @Nullable String apiKey;

    /**
     * Creates a preset that is off and points at the given endpoint.
     *
     * @param defaultEndpoint the backend's default OTLP/HTTP trace endpoint
     */
    protected OtlpExportPreset(String defaultEndpoint) {
        this.endpoint = defaultEndpoint;
    }

    /**
     * Returns whether the preset is on.
     *
     * @return whether it is on
     */
    public boolean isEnabled() {
        return this.enabled;
    }

    /**
     * Sets whether the preset is on.
     *
     * @param enabled whether it is on
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Returns the OTLP/HTTP trace endpoint.
     *
     * @return the endpoint
     */
    public String getEndpoint() {
        return this.endpoint;
    }

    /**
     * Sets the OTLP/HTTP trace endpoint.
     *
     * @param endpoint the endpoint
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Returns the API key.
     *
     * @return the API key, or {@code null}
     */
    public @Nullable String getApiKey() {
        return this.apiKey;
    }

    /**
     * Sets the API key.
     *
     * @param apiKey the API key
     */
    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }
}
