package dev.llamatrace.core.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the shipped price table once, on first use. */
final class DefaultPrices {

    /** The resource holding the table. */
    static final String RESOURCE = "default-prices.json";

    static final PriceTable TABLE = load();

    private DefaultPrices() {}

    private static PriceTable load() {
        JsonMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        try (InputStream in = DefaultPrices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE + " next to " + DefaultPrices.class);
            }
            return parse(json.readTree(in));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static PriceTable parse(JsonNode root) {
        List<ModelPrice> prices = new ArrayList<>();
        String currency = root.path("currency").asString();
        for (JsonNode entry : root.path("prices")) {
            BigDecimal input = decimal(entry, "input", null);
            BigDecimal output = decimal(entry, "output", null);
            prices.add(new ModelPrice(
                    entry.path("model").asString(),
                    entry.path("currency").asString(currency),
                    input,
                    decimal(entry, "cachedInput", input),
                    decimal(entry, "cacheWriteInput", input),
                    output,
                    decimal(entry, "reasoning", output)));
        }
        return PriceTable.of(prices, root.path("asOf").asString());
    }

    private static BigDecimal decimal(JsonNode entry, String field, @Nullable BigDecimal fallback) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new IllegalStateException("Price entry " + entry + " has no " + field);
            }
            return fallback;
        }
        return value.decimalValue();
    }
}
