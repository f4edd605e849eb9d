package dev.keel.core.report;

import dev.keel.core.household.Household;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.Disposal;
import dev.keel.core.ledger.Income;
import dev.keel.core.ledger.LedgerResult;
import dev.keel.core.tax.Term;
import dev.keel.core.tax.estimate.CapitalGainsInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A tax year's investment results in the household's taxable accounts, read from the booked
 * ledger: what Schedule D and the dividend lines of Form 1040 take. Amounts in dollars, unrounded
 * (each is a sum of booked cents).
 *
 * <p>Character follows Publication 550: a {@code qualified_dividend} is a qualified dividend
 * (1099-DIV box 1b, taxed at the long-term rates); a {@code dividend} and a reinvested dividend
 * are ordinary dividends; a {@code cap_gain_distribution} (box 2a) is a long-term capital gain
 * whatever the holding period, so it joins the long-term net.
 *
 * @param shortTermNet net short-term gain or loss of the year's sales (Form 8949 Part I)
 * @param longTermSales net long-term gain or loss of the year's sales (Form 8949 Part II)
 * @param capitalGainDistributions capital gain distributions (Schedule D line 13)
 * @param nonQualifiedDividends ordinary dividends that are not qualified, reinvested ones included
 * @param qualifiedDividends qualified dividends
 * @param interest taxable interest
 */
public record YearInvestments(
    int year,
    BigDecimal shortTermNet,
    BigDecimal longTermSales,
    BigDecimal capitalGainDistributions,
    BigDecimal nonQualifiedDividends,
    BigDecimal qualifiedDividends,
    BigDecimal interest) {

  /** The results of {@code year}, counting only what happened on or before {@code through} when given. */
  public static YearInvestments of(Household household, LedgerResult books, int year, Optional<LocalDate> through) {
    BigDecimal st = BigDecimal.ZERO;
    BigDecimal lt = BigDecimal.ZERO;
    for (Disposal d : books.disposals()) {
      if (d.taxable() && d.sold().getYear() == year && through.map(t -> !d.sold().isAfter(t)).orElse(true)) {
        if (d.term() == Term.SHORT) {
          st = st.add(d.gain());
        } else {
          lt = lt.add(d.gain());
        }
      }
    }
    BigDecimal distributions = BigDecimal.ZERO;
    BigDecimal ordinary = BigDecimal.ZERO;
    BigDecimal qualified = BigDecimal.ZERO;
    BigDecimal interest = BigDecimal.ZERO;
    for (Income income : books.income()) {
      if (income.date().getYear() != year || through.map(t -> income.date().isAfter(t)).orElse(false)
          || !household.getAccount(income.account()).taxable()) {
        continue;
      }
      if (income.action() == Action.INTEREST) {
        interest = interest.add(income.amount());
      } else if (income.action() == Action.QUALIFIED_DIVIDEND) {
        qualified = qualified.add(income.amount());
      } else if (income.action() == Action.CAP_GAIN_DISTRIBUTION) {
        distributions = distributions.add(income.amount());
      } else {
        ordinary = ordinary.add(income.amount());
      }
    }
    return new YearInvestments(year, st, lt, distributions, ordinary, qualified, interest);
  }

  /** The first year with a sale in a taxable account or any income, if any. */
  public static OptionalInt firstYear(LedgerResult books) {
    OptionalInt sales = books.disposals().stream().filter(Disposal::taxable).mapToInt(d -> d.sold().getYear()).min();
    OptionalInt income = books.income().stream().mapToInt(i -> i.date().getYear()).min();
    if (sales.isEmpty()) {
      return income;
    }
    return income.isEmpty() ? sales : OptionalInt.of(Math.min(sales.getAsInt(), income.getAsInt()));
  }

  /** Net long-term result: sales plus capital gain distributions (Schedule D line 15 before the carryover). */
  public BigDecimal longTermNet() {
    return longTermSales.add(capitalGainDistributions);
  }

  /** Ordinary dividends as Form 1040 line 3b counts them: qualified ones included. */
  public BigDecimal ordinaryDividends() {
    return nonQualifiedDividends.add(qualifiedDividends);
  }

  /** All dividends and distributions, in dollars. */
  public BigDecimal allDividends() {
    return ordinaryDividends().add(capitalGainDistributions);
  }

  /** What the tax estimate takes. */
  public CapitalGainsInput input() {
    return new CapitalGainsInput(shortTermNet, longTermNet(), qualifiedDividends, ordinaryDividends(), interest);
  }
}
