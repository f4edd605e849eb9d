package dev.keel.core.price;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.problem.Problem;
import dev.keel.core.problem.SourceRef;
import dev.keel.core.security.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests {@link PriceAges}: which prices are older than the as-of date, and by how much. */
class PriceAgesTest {

  private static final LocalDate AS_OF = LocalDate.parse("2025-06-30");

  private static PriceTable prices() {
    return PriceTable.builder().source("prices.csv")
        .put(Symbol.of("VTI"), LocalDate.parse("2025-06-30"), new BigDecimal("300"), SourceRef.of("prices.csv", 2))
        .put(Symbol.of("BND"), LocalDate.parse("2025-06-27"), new BigDecimal("72"), SourceRef.of("prices.csv", 3))
        .put(Symbol.of("VXUS"), LocalDate.parse("2025-06-20"), new BigDecimal("65"), SourceRef.of("prices.csv", 4))
        .put(Symbol.of("VNQ"), LocalDate.parse("2024-12-31"), new BigDecimal("90"), SourceRef.of("prices.csv", 5))
        .put(Symbol.of("VNQ"), LocalDate.parse("2025-07-01"), new BigDecimal("95"), SourceRef.of("prices.csv", 6))
        .put(Symbol.of("ACME"), null, new BigDecimal("48"), SourceRef.of("prices.csv", 7))
        .build();
  }

  @Test
  void test_ages_by_level() {
    PriceAges ages = PriceAges.of(List.of(Symbol.of("VTI"), Symbol.of("BND"), Symbol.of("VXUS"), Symbol.of("VNQ"),
        Symbol.of("ACME"), Symbol.of("NONE")), prices(), AS_OF, PriceAgeLimits.DEFAULTS);

    // VTI is from the as-of date: not listed. BND 3 days: older. VXUS 10 days: past the 5-day warning.
    // VNQ: the 2025-07-01 price is after the as-of date, so the 2024-12-31 one is used, 181 days old.
    assertThat(ages.ages()).extracting(a -> a.quote().symbol().value() + " " + a.days().orElse(-1L) + " " + a.level())
        .containsExactly("ACME -1 UNDATED", "BND 3 OLDER", "VNQ 181 REFUSE", "VXUS 10 WARN");
    assertThat(ages.oldest().orElseThrow().quote().symbol()).isEqualTo(Symbol.of("VNQ"));
  }

  @Test
  void test_refusals_name_the_row_of_the_price() {
    PriceAges ages = PriceAges.of(List.of(Symbol.of("VNQ"), Symbol.of("VXUS")), prices(), AS_OF, new PriceAgeLimits(5, 10));

    // 10 days is not more than 10: only VNQ is refused.
    assertThat(ages.refusals()).extracting(Problem::toString).singleElement().asString()
        .startsWith("prices.csv:5: date: \"2024-12-31\" is the latest price of VNQ, 181 days before the as-of date 2025-06-30; "
            + "trades are not proposed on prices more than 10 days old");
  }

  @Test
  void test_limits_must_be_ordered() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PriceAgeLimits(10, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
