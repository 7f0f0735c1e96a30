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

    /** Langfuse. */
    private final Langfuse langfuse = new Langfuse();

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

    /**
     * Returns the Langfuse preset.
     *
     * @return the Langfuse preset
     */
    public Langfuse getLangfuse() {
        return this.langfuse;
    }

    /** Export to Arize Phoenix over OTLP/HTTP. */
    public static class Phoenix extends OtlpExportPreset {

        /** The Phoenix project the traces go to; Phoenix's default project when unset. */
        private @Nullable String projectName;

        /** Creates the preset, off, pointing at a local Phoenix. */
        public Phoenix() {
            super("http://localhost:6006/v1/traces");
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
    }

    /** Export to W&amp;B Weave over OTLP/HTTP. */
    public static class Weave extends OtlpExportPreset {

        /** The W&amp;B entity (team or user name) owning the project. */
        private @Nullable String entity;

        /** The W&amp;B project the traces go to. */
        private @Nullable String project;

        /** Creates the preset, off, pointing at W&amp;B's multi-tenant cloud. */
        public Weave() {
            super("https://trace.wandb.ai/otel/v1/traces");
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
    }

    /**
     * Export to Langfuse over OTLP/HTTP ({@code <host>/api/public/otel/v1/traces}), authenticated with the project's
     * public and secret keys (HTTP Basic).
     */
    public static class Langfuse {

        /** Whether to export traces to Langfuse. */
        private boolean enabled;

        /**
         * The Langfuse base URL, e.g. https://us.cloud.langfuse.com or a self-hosted instance; the LANGFUSE_HOST
         * environment variable, else Langfuse's EU cloud, when unset.
         */
        private @Nullable String host;

        /** The project's public key ("pk-lf-..."); the LANGFUSE_PUBLIC_KEY environment variable when unset. */
        private @Nullable String publicKey;

        /** The project's secret key ("sk-lf-..."); the LANGFUSE_SECRET_KEY environment variable when unset. */
        private @Nullable String secretKey;

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
         * Returns the base URL.
         *
         * @return the host, or {@code null} for the environment's or the default
         */
        public @Nullable String getHost() {
            return this.host;
        }

        /**
         * Sets the base URL.
         *
         * @param host the host
         */
        public void setHost(@Nullable String host) {
            this.host = host;
        }

        /**
         * Returns the public key.
         *
         * @return the public key, or {@code null} for the environment's
         */
        public @Nullable String getPublicKey() {
            return this.publicKey;
        }

        /**
         * Sets the public key.
         *
         * @param publicKey the public key
         */
        public void setPublicKey(@Nullable String publicKey) {
            this.publicKey = publicKey;
        }

        /**
         * Returns the secret key.
         *
         * @return the secret key, or {@code null} for the environment's
         */
        public @Nullable String getSecretKey() {
            return this.secretKey;
        }

        /**
         * Sets the secret key.
         *
         * @param secretKey the secret key
         */
        public void setSecretKey(@Nullable String secretKey) {
            this.secretKey = secretKey;
        }
    }
}
