package dev.llamatrace.autoconfigure.metrics;

import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The OpenTelemetry GenAI meters llamatrace records, each with the one name, unit, description, explicit bucket
 * boundaries and fixed tag-key set the GenAI semantic conventions give it: the one place these are written down.
 * {@link GenAiMeterFilter} applies the boundaries to every meter of these names (whoever registers it), as defaults
 * that Spring Boot's {@code management.metrics.distribution.*} properties override.
 *
 * <p>The conventions are still moving (a proposal replaces the token histogram with per-type counters); a newer shape
 * would be a second set of constants here, selected by a property.
 */
public enum GenAiMeter {

    /** Tokens per operation, by token type: a histogram in {@code {token}}. */
    CLIENT_TOKEN_USAGE(
            GenAiMeter.CLIENT_TOKEN_USAGE_NAME,
            GenAiMeter.UNIT_TOKEN,
            "Number of input and output tokens used by GenAI client operations",
            Boundaries.TOKENS,
            GenAiAttributes.OPERATION_NAME,
            GenAiAttributes.PROVIDER_NAME,
            GenAiAttributes.REQUEST_MODEL,
            GenAiAttributes.TOKEN_TYPE),

    /** Duration of chat, text completion and embeddings calls: a histogram in seconds. */
    CLIENT_OPERATION_DURATION(
            GenAiMeter.CLIENT_OPERATION_DURATION_NAME,
            GenAiMeter.UNIT_SECONDS,
            "Duration of GenAI client operations (chat, text completion, embeddings)",
            Boundaries.SECONDS,
            GenAiAttributes.OPERATION_NAME,
            GenAiAttributes.PROVIDER_NAME,
            GenAiAttributes.REQUEST_MODEL,
            GenAiAttributes.ERROR_TYPE),

    /** Time from the start of a streamed call to its first chunk: a histogram in seconds, streams only. */
    CLIENT_TIME_TO_FIRST_CHUNK(
            GenAiMeter.CLIENT_TIME_TO_FIRST_CHUNK_NAME,
            GenAiMeter.UNIT_SECONDS,
            "Time from the start of a streamed GenAI client operation to its first chunk",
            Boundaries.SECONDS,
            GenAiAttributes.OPERATION_NAME,
            GenAiAttributes.PROVIDER_NAME,
            GenAiAttributes.REQUEST_MODEL),

    /** Duration of agent invocations (an AI service, a {@code ChatClient} call with tools): seconds. */
    INVOKE_AGENT_DURATION(
            GenAiMeter.INVOKE_AGENT_DURATION_NAME,
            GenAiMeter.UNIT_SECONDS,
            "Duration of GenAI agent invocations",
            Boundaries.AGENT_SECONDS,
            GenAiAttributes.OPERATION_NAME,
            GenAiAttributes.AGENT_NAME,
            GenAiAttributes.ERROR_TYPE),

    /** Duration of tool executions: seconds, with the client operations' boundaries. */
    EXECUTE_TOOL_DURATION(
            GenAiMeter.EXECUTE_TOOL_DURATION_NAME,
            GenAiMeter.UNIT_SECONDS,
            "Duration of tool executions requested by a GenAI model",
            Boundaries.SECONDS,
            GenAiAttributes.OPERATION_NAME,
            GenAiAttributes.TOOL_NAME,
            GenAiAttributes.TOOL_TYPE,
            GenAiAttributes.ERROR_TYPE);

    /** The name of {@link #CLIENT_TOKEN_USAGE}. */
    public static final String CLIENT_TOKEN_USAGE_NAME = "gen_ai.client.token.usage";

    /** The name of {@link #CLIENT_OPERATION_DURATION}. */
    public static final String CLIENT_OPERATION_DURATION_NAME = "gen_ai.client.operation.duration";

    /** The name of {@link #CLIENT_TIME_TO_FIRST_CHUNK}. */
    public static final String CLIENT_TIME_TO_FIRST_CHUNK_NAME = "gen_ai.client.operation.time_to_first_chunk";

    /** The name of {@link #INVOKE_AGENT_DURATION}. */
    public static final String INVOKE_AGENT_DURATION_NAME = "gen_ai.invoke_agent.duration";

    /** The name of {@link #EXECUTE_TOOL_DURATION}. */
    public static final String EXECUTE_TOOL_DURATION_NAME = "gen_ai.execute_tool.duration";

    /** The unit of token histograms, as the conventions write it (an annotation, no unit symbol). */
    public static final String UNIT_TOKEN = "{token}";

    /** The unit of duration histograms. */
    public static final String UNIT_SECONDS = "s";

    private final String meterName;

    private final String unit;

    private final String description;

    private final double[] boundaries;

    private final List<String> tagKeys;

    GenAiMeter(String meterName, String unit, String description, double[] boundaries, String... tagKeys) {
        this.meterName = meterName;
        this.unit = unit;
        this.description = description;
        this.boundaries = boundaries;
        this.tagKeys = List.of(tagKeys);
    }

    /**
     * Returns the meter name.
     *
     * @return the name, e.g. {@code gen_ai.client.token.usage}
     */
    public String meterName() {
        return this.meterName;
    }

    /**
     * Returns the unit as the conventions write it.
     *
     * @return {@value #UNIT_TOKEN} or {@value #UNIT_SECONDS}
     */
    public String unit() {
        return this.unit;
    }

    /**
     * Returns the description (the Prometheus help text).
     *
     * @return the description
     */
    public String description() {
        return this.description;
    }

    /**
     * Returns the explicit bucket boundaries, in the meter's unit (tokens, or seconds).
     *
     * @return a copy of the boundaries, ascending
     */
    public double[] boundaries() {
        return this.boundaries.clone();
    }

    /**
     * Returns the tag keys every series of the meter carries, no more and no fewer.
     *
     * @return the tag keys
     */
    public List<String> tagKeys() {
        return this.tagKeys;
    }

    /**
     * Returns the meter of a name.
     *
     * @param meterName a meter name
     * @return the GenAI meter, or {@code null} when the name is not one of them
     */
    public static @Nullable GenAiMeter of(String meterName) {
        for (GenAiMeter meter : values()) {
            if (meter.meterName.equals(meterName)) {
                return meter;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return this.meterName + " " + this.unit + " " + Arrays.toString(this.boundaries);
    }

    /** The conventions' explicit bucket boundaries. */
    private static final class Boundaries {

        /** Token counts: powers of 4 from 1 to 67,108,864. */
        static final double[] TOKENS = {
            1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864
        };

        /** Durations in seconds: doubling from 0.01 to 81.92. */
        static final double[] SECONDS = {
            0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92
        };

        /** Agent durations in seconds: doubling from 0.1 to 409.6 (agents loop through several calls). */
        static final double[] AGENT_SECONDS = {0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 102.4, 204.8, 409.6
        };

        private Boundaries() {}
    }
}
