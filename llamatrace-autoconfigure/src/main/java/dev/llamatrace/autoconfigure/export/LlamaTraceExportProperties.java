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
}
