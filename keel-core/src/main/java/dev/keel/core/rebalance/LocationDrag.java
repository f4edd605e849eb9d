package dev.keel.core.rebalance;

import dev.keel.core.household.AccountType;
import dev.keel.core.money.Decimals;
import dev.keel.core.policy.ClassYield;
import dev.keel.core.policy.RebalanceSettings;
import dev.keel.core.security.AssetClass;
import dev.keel.core.tax.MarginalRates;
import dev.keel.core.tax.Term;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The yearly tax cost of holding an asset class in an account type, its "tax drag", as a fraction of
 * the value held: what gives asset location its value in the rebalancing program.
 *
 * <ul>
 *   <li>Taxable account: ordinary yield × the short-term (ordinary) marginal rate + qualified yield
 *       × the long-term rate. Tax withheld abroad comes back as the foreign tax credit (Publication
 *       514), so it adds nothing.
 *   <li>Traditional, Roth, HSA: no yearly tax on what the account earns; the tax withheld abroad is
 *       lost (no credit inside these accounts). A traditional account's withdrawals are taxed, but
 *       at the same rate whatever it holds, so that tax does not depend on location (the
 *       tax-adjusted view of the account's value).
 * </ul>
 *
 * <p>The program counts a drag over {@link RebalanceSettings#locationHorizon()} years, undiscounted,
 * so that moving a dollar of a class from a taxable account to an IRA is worth the difference of
 * the two drags times the horizon, to be weighed against the cost of the trades. The value is
 * capped at {@link #CAP} per dollar, below the penalty for drift outside the zone, so that location
 * never outweighs the policy's bands.
 */
final class LocationDrag {

  /** Largest location value per dollar the program sees: drift outside the zone (1.0) always wins. */
  static final double CAP = 0.5;

  private final RebalanceSettings settings;
  private final MarginalRates rates;

  LocationDrag(RebalanceSettings settings, MarginalRates rates) {
    this.settings = settings;
    this.rates = rates;
  }

  /** Yearly tax drag of a dollar of the class in an account of the type, exact. */
  BigDecimal yearly(AssetClass assetClass, AccountType type) {
    ClassYield y = settings.yieldOf(assetClass);
    if (type.taxAdvantaged()) {
      return y.foreignTax();
    }
    return y.ordinary().multiply(rates.rate(Term.SHORT)).add(y.qualified().multiply(rates.rate(Term.LONG)));
  }

  /** The drag over the horizon, per dollar, as the program weighs it (capped at {@link #CAP}). */
  double overHorizon(AssetClass assetClass, AccountType type) {
    return Math.min(CAP, yearly(assetClass, type).doubleValue() * settings.locationHorizon());
  }

  /**
   * Whether location changes anything: some class costs more tax in one of the household's
   * account types ({@code types}, those it can trade in) than in another.
   */
  boolean matters(Collection<AssetClass> classes, Collection<AccountType> types) {
    if (settings.locationHorizon() == 0) {
      return false;
    }
    for (AssetClass c : classes) {
      BigDecimal first = null;
      for (AccountType type : types) {
        BigDecimal d = yearly(c, type);
        if (first == null) {
          first = d;
        } else if (d.compareTo(first) != 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The largest drag over the horizon of any class anywhere: idle cash must cost more than that. */
  double maxOverHorizon(Collection<AssetClass> classes) {
    double max = 0;
    for (AssetClass c : classes) {
      for (AccountType type : AccountType.values()) {
        max = Math.max(max, overHorizon(c, type));
      }
    }
    return max;
  }

  /** "1.40% a year (4.00% ordinary × 35.00%)": the drag and how it is made, for a trade's reason. */
  String explain(AssetClass assetClass, AccountType type) {
    ClassYield y = settings.yieldOf(assetClass);
    StringBuilder how = new StringBuilder();
    if (type.taxAdvantaged()) {
      if (y.foreignTax().signum() > 0) {
        how.append(pct(y.foreignTax())).append(" withheld abroad, not creditable in this account");
      }
    } else {
      if (y.ordinary().signum() > 0) {
        how.append(pct(y.ordinary())).append(" ordinary income × ").append(pct(rates.rate(Term.SHORT)));
      }
      if (y.qualified().signum() > 0) {
        how.append(how.length() > 0 ? " + " : "").append(pct(y.qualified())).append(" qualified dividends × ")
            .append(pct(rates.rate(Term.LONG)));
      }
    }
    return pct(yearly(assetClass, type)) + " a year" + (how.length() > 0 ? " (" + how + ")" : "");
  }

  int horizon() {
    return settings.locationHorizon();
  }

  private static String pct(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** Yearly drag in dollars of {@code value} of the class in the account type, to the cent. */
  BigDecimal dollars(BigDecimal value, AssetClass assetClass, AccountType type) {
    return Decimals.cents(value.multiply(yearly(assetClass, type)));
  }

  /**
   * What a rebalance trade's reason says about location. {@code forLocation}: the trade goes
   * against its class's drift (bought while the class is sold elsewhere, or the reverse), so
   * location is why it is there.
   */
  String reasonNote(Side side, AssetClass assetClass, AccountType type, boolean forLocation) {
    BigDecimal taxable = yearly(assetClass, AccountType.TAXABLE);
    if (side == Side.SELL) {
      return forLocation
          ? "; sold for asset location, not for drift: no tax in this account, and the room goes to a class that costs "
              + "more tax in a taxable account"
          : "";
    }
    if (forLocation) {
      return type.taxAdvantaged()
          ? "; bought here for asset location, not for drift: " + assetClass + " costs " + explain(assetClass, type)
              + " in tax here, against " + explain(assetClass, AccountType.TAXABLE) + " in a taxable account"
          : "; bought here for asset location, not for drift: in a taxable account " + assetClass + " costs "
              + explain(assetClass, type) + " in tax, less than the classes bought in tax-advantaged accounts instead";
    }
    if (taxable.compareTo(yearly(assetClass, type)) > 0) {
      return "; holding " + assetClass + " here rather than in a taxable account saves " + explain(assetClass, AccountType.TAXABLE)
          + " of tax" + (yearly(assetClass, type).signum() > 0 ? ", less " + explain(assetClass, type) : "");
    }
    if (!type.taxAdvantaged() && taxable.signum() > 0) {
      return "; in a taxable account " + assetClass + " costs " + explain(assetClass, type) + " in tax";
    }
    return "";
  }
}
