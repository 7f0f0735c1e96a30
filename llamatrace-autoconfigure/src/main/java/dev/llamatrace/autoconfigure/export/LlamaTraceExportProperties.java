package dev.llamatrace.autoconfigure.export;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Trace export presets ({@code llamatrace.export.*}): each fills in Spring Boot's own OTLP trace export properties
 * for one backend. Read by {@link ExportPresetEnvironmentPostProcessor} before the application context starts.
 */
@ConfigurationProperties(LlamaTraceExportProperties.PREFIX)
public class LlamaTraceExportProperties {

    /** The property prefix. */
    public static final String PREFIX = "llamatrace.export";

    /** Arize Phoenix. */
    private final Phoenix phoenix = new Phoenix();

    /** W&amp;B Weave. */
    private final Weave weave = new Weave();

    /**
     * Returns the Phoenix preset.
     *
     * @return the Phoenix preset
     */
    public Phoenix getPhoenix() {
        return this.phoenix;
    }

    /**
     * Returns the Weave preset.
     *
     * @return the Weave preset
     */
    public Weave getWeave() {
        return this.weave;
    }

    /** Export to Arize Phoenix over OTLP/HTTP. */
    public static class Phoenix {

        /** Whether to export traces to Phoenix. */
        private boolean enabled;

        /** Phoenix's OTLP/HTTP trace endpoint. */
        private String endpoint = "http://localhost:6006/v1/traces";

        /** The Phoenix project the traces go to; Phoenix's default project when unset. */
        private @Nullable String projectName;

        /** The Phoenix API key, sent as a bearer token; defaults to the PHOENIX_API_KEY environment variable. */
        private @Nullable String apiKey;

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
         * Returns the project name.
         *
         * @return the project name, or {@code null}
         */
        public @Nullable String getProjectName() {
            return this.projectName;
        }

        /**
         * Sets the project name.
         *
         * @param projectName the project name
         */
        public void setProjectName(@Nullable String projectName) {
            this.projectName = projectName;
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

    /** Export to W&amp;B Weave over OTLP/HTTP. */
    public static class Weave {

        /** Whether to export traces to Weave. */
        private boolean enabled;

        /** Weave's OTLP/HTTP trace endpoint; dedicated and self-managed instances have their own host. */
        private String endpoint = "https://trace.wandb.ai/otel/v1/traces";

        /** The W&amp;B entity (team or user name) owning the project. */
        private @Nullable String entity;

        /** The W&amp;B project the traces go to. */
        private @Nullable String project;

        /** The W&amp;B API key; defaults to the WANDB_API_KEY environment variable. */
        private @Nullable String apiKey;

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
         * Returns the entity.
         *
         * @return the entity, or {@code null}
         */
        public @Nullable String getEntity() {
            return this.entity;
        }

        /**
         * Sets the entity.
         *
         * @param entity the entity
         */
        public void setEntity(@Nullable String entity) {
            this.entity = entity;
        }

        /**
         * Returns the project.
         *
         * @return the project, or {@code null}
         */
        public @Nullable String getProject() {
            return this.project;
        }

        /**
         * Sets the project.
         *
         * @param project the project
         */
        public void setProject(@Nullable String project) {
            this.project = project;
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
}
