package dev.llamatrace.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CostTests {

    @Test
    void costsInOneCurrencyAddUpExactlyAndSaturate() {
        Cost sum = new Cost(100_000, "USD", CostSource.LOCAL).plus(new Cost(30_000, "USD", CostSource.LOCAL));
        assertThat(sum.plainAmount()).isEqualTo("0.00000013");
        assertThat(sum.source()).isEqualTo(CostSource.LOCAL);
        assertThat(new Cost(Long.MAX_VALUE, "USD", CostSource.LOCAL)
                        .plus(new Cost(1, "USD", CostSource.LOCAL))
                        .picos())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aSumIsReportedByTheProviderOnlyWhenBothPartsAre() {
        Cost provider = new Cost(1, "USD", CostSource.PROVIDER);
        assertThat(provider.plus(provider).source()).isEqualTo(CostSource.PROVIDER);
        assertThat(provider.plus(new Cost(1, "USD", CostSource.LOCAL)).source()).isEqualTo(CostSource.LOCAL);
    }

    @Test
    void costsInTwoCurrenciesDoNotAdd() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Cost(1, "USD", CostSource.LOCAL).plus(new Cost(1, "EUR", CostSource.LOCAL)))
                .withMessage("Cannot add a cost in EUR to a cost in USD");
    }
}
