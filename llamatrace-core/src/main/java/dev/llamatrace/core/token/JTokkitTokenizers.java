package dev.llamatrace.core.token;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.llamatrace.core.llm.ChatRole;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link TokenizerResolver}: OpenAI byte-pair encodings from jtokkit, whose vocabularies ship inside its jar
 * (no network). The encoding follows the model name ({@code gpt-4o*}, {@code gpt-4.1*}, {@code o1*}, {@code o3*},
 * {@code o4*} use {@code o200k_base}, every other or unknown model {@code cl100k_base}) unless one encoding is fixed for
 * all models. Encodings are loaded on first use and shared; jtokkit encodings are thread-safe.
 */
public final class JTokkitTokenizers implements TokenizerResolver {

    /** Model-name prefixes that use {@code o200k_base}. */
    static final List<String> O200K_PREFIXES = List.of("gpt-4o", "gpt-4.1", "o1", "o3", "o4");

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final @Nullable EncodingType fixed;

    private final Map<EncodingType, Tokenizer> tokenizers = new EnumMap<>(EncodingType.class);

    private JTokkitTokenizers(@Nullable EncodingType fixed) {
        this.fixed = fixed;
        for (EncodingType type : EncodingType.values()) {
            this.tokenizers.put(type, new EncodingTokenizer(type));
        }
    }

    /**
     * Returns a resolver that picks the encoding from the model name.
     *
     * @return the resolver
     */
    public static JTokkitTokenizers byModel() {
        return new JTokkitTokenizers(null);
    }

    /**
     * Returns a resolver that uses one encoding for every model.
     *
     * @param encodingName an encoding name such as {@code cl100k_base} or {@code o200k_base}
     * @return the resolver
     * @throws IllegalArgumentException naming the allowed values when the encoding is unknown
     */
    public static JTokkitTokenizers fixed(String encodingName) {
        return new JTokkitTokenizers(encodingType(encodingName));
    }

    /**
     * Returns the tokenizer of one encoding.
     *
     * @param encodingName an encoding name such as {@code cl100k_base}
     * @return the tokenizer
     * @throws IllegalArgumentException naming the allowed values when the encoding is unknown
     */
    public static Tokenizer encoding(String encodingName) {
        return new EncodingTokenizer(encodingType(encodingName));
    }

    @Override
    public Tokenizer forModel(@Nullable String modelName) {
        EncodingType type = (this.fixed != null) ? this.fixed : encodingFor(modelName);
        return this.tokenizers.get(type);
    }

    /**
     * Returns the encoding name used for a model.
     *
     * @param modelName the model name, or {@code null}
     * @return {@code o200k_base} or {@code cl100k_base}, or the fixed encoding
     */
    public String encodingName(@Nullable String modelName) {
        return ((this.fixed != null) ? this.fixed : encodingFor(modelName)).getName();
    }

    static EncodingType encodingFor(@Nullable String modelName) {
        if (modelName != null) {
            String model = modelName.toLowerCase(Locale.ROOT);
            int slash = model.lastIndexOf('/');
            String bare = (slash >= 0) ? model.substring(slash + 1) : model;
            for (String prefix : O200K_PREFIXES) {
                if (bare.startsWith(prefix)) {
                    return EncodingType.O200K_BASE;
                }
            }
        }
        return EncodingType.CL100K_BASE;
    }

    private static EncodingType encodingType(String encodingName) {
        return EncodingType.fromName(encodingName.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("Unknown token encoding '" + encodingName
                        + "'; allowed values are "
                        + Arrays.stream(EncodingType.values())
                                .map(EncodingType::getName)
                                .toList()));
    }

    /** Counts with one jtokkit encoding, loaded on first use; special-token text is counted as ordinary text. */
    private static final class EncodingTokenizer implements Tokenizer {

        private final EncodingType type;

        private volatile @Nullable Encoding encoding;

        private volatile int @Nullable [] roleTokens;

        EncodingTokenizer(EncodingType type) {
            this.type = type;
        }

        @Override
        public int countTokens(String text) {
            if (text.isEmpty()) {
                return 0;
            }
            Encoding encoding = this.encoding;
            if (encoding == null) {
                encoding = REGISTRY.getEncoding(this.type);
                this.encoding = encoding;
            }
            return encoding.countTokensOrdinary(text);
        }

        @Override
        public int countRoleTokens(ChatRole role) {
            int[] counts = this.roleTokens;
            if (counts == null) {
                // Computed at most a few times under a race, each time with the same result.
                ChatRole[] roles = ChatRole.values();
                counts = new int[roles.length];
                for (ChatRole each : roles) {
                    counts[each.ordinal()] = countTokens(each.value());
                }
                this.roleTokens = counts;
            }
            return counts[role.ordinal()];
        }

        @Override
        public String toString() {
            return "jtokkit " + this.type.getName();
        }
    }
}
