package dev.llamatrace.core.cost;

/** Where the cost of a call came from; the values of the span attribute {@code gen_ai.usage.cost.source}. */
public enum CostSource {

    /** The provider reported the cost with its response. */
    PROVIDER("provider"),

    /** Computed here from the token counts and the price table. */
    LOCAL("local");

    private final String value;

    CostSource(String value) {
        this.value = value;
    }

    /**
     * Returns the value as exported.
     *
     * @return {@code provider} or {@code local}
     */
    public String value() {
        return this.value;
    }
}
