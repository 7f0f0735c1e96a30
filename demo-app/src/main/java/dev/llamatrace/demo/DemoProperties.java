package dev.llamatrace.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Settings of the demo application itself, under {@code demo.*}. */
@ConfigurationProperties("demo")
@Validated
public class DemoProperties {

    private final Ingest ingest = new Ingest();

    private final Retrieval retrieval = new Retrieval();

    private final Api api = new Api();

    /**
     * Returns the ingestion settings.
     *
     * @return the ingestion settings
     */
    public Ingest getIngest() {
        return this.ingest;
    }

    /**
     * Returns the retrieval settings.
     *
     * @return the retrieval settings
     */
    public Retrieval getRetrieval() {
        return this.retrieval;
    }

    /**
     * Returns the HTTP API settings.
     *
     * @return the HTTP API settings
     */
    public Api getApi() {
        return this.api;
    }

    /** How the guide is split and embedded at startup. */
    public static class Ingest {

        /** Target maximum length of a chunk, in characters. */
        @Min(100)
        private int chunkSize = 800;

        /** Number of chunks sent per embedding request. */
        @Min(1)
        @Max(2048)
        private int embeddingBatchSize = 32;

        /**
         * Returns the target maximum chunk length.
         *
         * @return characters
         */
        public int getChunkSize() {
            return this.chunkSize;
        }

        /**
         * Sets the target maximum chunk length.
         *
         * @param chunkSize characters
         */
        public void setChunkSize(int chunkSize) {
            this.chunkSize = chunkSize;
        }

        /**
         * Returns the number of chunks per embedding request.
         *
         * @return the batch size
         */
        public int getEmbeddingBatchSize() {
            return this.embeddingBatchSize;
        }

        /**
         * Sets the number of chunks per embedding request.
         *
         * @param embeddingBatchSize the batch size
         */
        public void setEmbeddingBatchSize(int embeddingBatchSize) {
            this.embeddingBatchSize = embeddingBatchSize;
        }
    }

    /** How context is retrieved for a question. */
    public static class Retrieval {

        /** Number of chunks retrieved per question. */
        @Min(1)
        @Max(20)
        private int topK = 3;

        /**
         * Returns the number of chunks retrieved per question.
         *
         * @return top k
         */
        public int getTopK() {
            return this.topK;
        }

        /**
         * Sets the number of chunks retrieved per question.
         *
         * @param topK top k
         */
        public void setTopK(int topK) {
            this.topK = topK;
        }
    }

    /** Limits of the HTTP endpoints. */
    public static class Api {

        /** Largest request body accepted by /api endpoints; larger bodies get a 400. */
        private DataSize maxRequestSize = DataSize.ofKilobytes(64);

        /** Largest request body accepted by the local model's /v1 endpoints; larger bodies get a 400. */
        private DataSize maxModelRequestSize = DataSize.ofMegabytes(16);

        /**
         * Returns the largest accepted request body.
         *
         * @return the size
         */
        public DataSize getMaxRequestSize() {
            return this.maxRequestSize;
        }

        /**
         * Sets the largest accepted request body.
         *
         * @param maxRequestSize the size
         */
        public void setMaxRequestSize(DataSize maxRequestSize) {
            this.maxRequestSize = maxRequestSize;
        }

        /**
         * Returns the largest accepted request body of the local model endpoints.
         *
         * @return the size
         */
        public DataSize getMaxModelRequestSize() {
            return this.maxModelRequestSize;
        }

        /**
         * Sets the largest accepted request body of the local model endpoints.
         *
         * @param maxModelRequestSize the size
         */
        public void setMaxModelRequestSize(DataSize maxModelRequestSize) {
            this.maxModelRequestSize = maxModelRequestSize;
        }
    }
}
