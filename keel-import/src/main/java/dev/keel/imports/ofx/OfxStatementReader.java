package dev.keel.imports.ofx;

import dev.keel.core.problem.Problem;
import dev.keel.core.security.Symbol;
import dev.keel.imports.statement.Activity;
import dev.keel.imports.statement.ActivityFacts;
import dev.keel.imports.statement.MoneyMarkets;
import dev.keel.imports.statement.ActivityKind;
import dev.keel.imports.statement.CashLine;
import dev.keel.imports.statement.Origin;
import dev.keel.imports.statement.PositionLine;
import dev.keel.imports.statement.SecurityRef;
import dev.keel.imports.statement.Statement;
import dev.keel.io.read.Loaded;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps an OFX investment statement response ({@code INVSTMTRS}, OFX 2.1.1 specification §13) to
 * a {@link Statement}: the transaction list ({@code INVTRANLIST}), the positions ({@code
 * INVPOSLIST}), the cash balance ({@code INVBAL/AVAILCASH}) and the security list ({@code
 * SECLIST}). A file may hold several statements (one per account); each activity names its
 * account by {@code INVACCTFROM/ACCTID}.
 *
 * <p>Signs: OFX writes a buy's {@code TOTAL} negative and a sale's {@code UNITS} negative; Keel's
 * amounts are positive with the kind saying which way cash moves. A trade's gross amount is
 * {@code |TOTAL|} less (buy) or plus (sale) its commission, fees, taxes, load and markup, so that
 * the cash booked equals the statement's to the cent.
 */
public final class OfxStatementReader {

  private static final Set<String> BUYS = Set.of("BUYSTOCK", "BUYMF", "BUYOTHER", "BUYDEBT");
  private static final Set<String> SELLS = Set.of("SELLSTOCK", "SELLMF", "SELLOTHER", "SELLDEBT");
  private static final Set<String> KNOWN = Set.of("BUYSTOCK", "BUYMF", "BUYOTHER", "BUYDEBT", "SELLSTOCK", "SELLMF",
      "SELLOTHER", "SELLDEBT", "INCOME", "REINVEST", "INVEXPENSE", "TRANSFER", "SPLIT", "RETOFCAP", "MARGININTEREST",
      "INVBANKTRAN", "BUYOPT", "SELLOPT", "CLOSUREOPT", "JRNLFUND", "JRNLSEC", "DTSTART", "DTEND");
  private static final String[] FEE_PARTS = {"COMMISSION", "FEES", "TAXES", "LOAD", "MARKUP", "MARKDOWN"};

  private OfxStatementReader() {}

  public static Loaded<Statement> read(String file, byte[] content) {
    Loaded<OfxElement> tree = OfxParser.parse(file, content);
    if (tree.value().isEmpty()) {
      return Loaded.failed(tree.problems());
    }
    return read(file, OfxParser.version(content), tree.value().get());
  }

  static Loaded<Statement> read(String file, String format, OfxElement root) {
    List<Problem> problems = new ArrayList<>();
    Map<String, SecurityRef> securities = securities(file, root);
    List<OfxElement> statements = root.descendants("INVSTMTRS");
    if (statements.isEmpty()) {
      problems.add(new Problem(file, root.line(), root.path(), null,
          "has no investment statement (INVSTMTRS); only investment downloads can be imported"));
      return Loaded.failed(problems);
    }
    List<CashLine> cash = new ArrayList<>();
    Reader r = new Reader(file, securities, sweeps(root), cash, problems);
    List<Activity> activities = new ArrayList<>();
    List<PositionLine> positions = new ArrayList<>();
    Optional<String> onlyAccount = Optional.empty();
    for (OfxElement st : statements) {
      Optional<String> account = st.text("INVACCTFROM", "ACCTID");
      if (account.isEmpty()) {
        problems.add(new Problem(file, st.line(), st.path() + "/INVACCTFROM/ACCTID", null, "is missing; expected the account number"));
        continue;
      }
      onlyAccount = statements.size() == 1 ? account : Optional.empty();
      Optional<LocalDate> asOf = r.date(st, "DTASOF", true);
      st.child("INVTRANLIST").ifPresent(list -> {
        for (OfxElement tran : list.children()) {
          r.activity(tran, account.get()).ifPresent(activities::add);
        }
      });
      st.child("INVPOSLIST").ifPresent(list -> {
        for (OfxElement pos : list.children()) {
          r.position(pos, account.get(), asOf).ifPresent(positions::add);
        }
      });
      st.find("INVBAL", "AVAILCASH").ifPresent(c -> r.decimal(c).ifPresent(
          amount -> cash.add(new CashLine(r.origin(c), Optional.of(account.get()), asOf, amount))));
    }
    if (!problems.isEmpty()) {
      return Loaded.failed(problems);
    }
    return Loaded.of(new Statement(file, format, "ofx", onlyAccount, activities, positions, cash, List.of(),
        List.copyOf(securities.values())), problems);
  }

  /**
   * The UNIQUEIDs of the security list's money-market sweep funds: mutual funds ({@code MFINFO})
   * that {@link MoneyMarkets} recognises by ticker or name.
   */
  private static Set<String> sweeps(OfxElement root) {
    Set<String> out = new java.util.HashSet<>();
    for (OfxElement info : root.descendants("MFINFO")) {
      Optional<String> id = info.text("SECINFO", "SECID", "UNIQUEID");
      String ticker = info.text("SECINFO", "TICKER").orElse("");
      String name = info.text("SECINFO", "SECNAME").orElse("");
      if (id.isPresent() && MoneyMarkets.isSweep(ticker, name)) {
        out.add(id.get());
      }
    }
    return out;
  }

  /** The security list: UNIQUEID (a CUSIP mostly) to ticker and name. */
  private static Map<String, SecurityRef> securities(String file, OfxElement root) {
    Map<String, SecurityRef> out = new HashMap<>();
    for (OfxElement info : root.descendants("SECINFO")) {
      Optional<String> id = info.text("SECID", "UNIQUEID");
      if (id.isEmpty()) {
        continue;
      }
      Optional<String> ticker = info.text("TICKER").filter(Symbol::isValid);
      out.put(id.get(), new SecurityRef(ticker.map(Symbol::of), id.get(), info.text("SECNAME").orElse("")));
    }
    return out;
  }

  /** Reads one statement's elements, collecting problems with their element paths. */
  private record Reader(String file, Map<String, SecurityRef> securities, Set<String> sweeps, List<CashLine> sweepCash, List<Problem> problems) {

    Origin origin(OfxElement e) {
      return new Origin(file, e.line(), e.path());
    }

    Optional<Activity> activity(OfxElement tran, String account) {
      String name = tran.name();
      if (!KNOWN.contains(name)) {
        problems.add(origin(tran).problem(null, null, "is not an OFX investment transaction; expected one of " + String.join(", ",
            KNOWN.stream().sorted().toList())));
        return Optional.empty();
      }
      if (name.equals("DTSTART") || name.equals("DTEND")) {
        return Optional.empty();
      }
      if (name.equals("INVBANKTRAN")) {
        return bank(tran, account);
      }
      OfxElement body = tran.child("INVBUY").or(() -> tran.child("INVSELL")).orElse(tran);
      Optional<OfxElement> invtran = body.child("INVTRAN");
      if (invtran.isEmpty()) {
        problems.add(origin(body).problem("INVTRAN", null, "is missing; every investment transaction has one (FITID, DTTRADE)"));
        return Optional.empty();
      }
      Optional<String> fitid = invtran.get().text("FITID");
      if (fitid.isEmpty()) {
        problems.add(origin(invtran.get()).problem("FITID", null, "is missing; expected the transaction's unique id"));
      }
      Optional<LocalDate> date = date(invtran.get(), "DTTRADE", true);
      Optional<SecurityRef> security = body.child("SECID").map(this::security);
      Optional<BigDecimal> units = decimal(body, "UNITS", false);

      Optional<BigDecimal> price = decimal(body, "UNITPRICE", false).map(BigDecimal::abs);
      Optional<BigDecimal> total = decimal(body, "TOTAL", false).map(BigDecimal::abs);
      BigDecimal fees = BigDecimal.ZERO;
      for (String part : FEE_PARTS) {
        fees = fees.add(decimal(body, part, false).map(BigDecimal::abs).orElse(BigDecimal.ZERO));
      }
      ActivityKind kind;
      String label = name;
      Optional<BigDecimal> amount = total;
      BigDecimal withheld = BigDecimal.ZERO;
      Optional<String> ratio = Optional.empty();
      Optional<String> other = Optional.empty();
      if (BUYS.contains(name)) {
        kind = ActivityKind.BUY;
        BigDecimal f = fees;
        amount = total.map(t -> t.subtract(f));
        need(body, "UNITS", units);
      } else if (SELLS.contains(name)) {
        kind = ActivityKind.SELL;
        BigDecimal f = fees;
        amount = total.map(t -> t.add(f));
        need(body, "UNITS", units);
        // TOTAL is the proceeds less fees and less the tax withheld (OFX specification, INVSELL):
        // the sale's gross adds both back; the withholding is cash paid to the tax authorities.
        withheld = decimal(body, "WITHHOLDING", false).map(BigDecimal::abs).orElse(BigDecimal.ZERO)
            .add(decimal(body, "STATEWITHHOLDING", false).map(BigDecimal::abs).orElse(BigDecimal.ZERO));
        BigDecimal w = withheld;
        amount = amount.map(t -> t.add(w));
      } else if (name.equals("REINVEST") || name.equals("INCOME")) {
        String type = tran.text("INCOMETYPE").orElse("");
        label = name + " " + type;
        // CGLONG is a capital gain distribution (1099-DIV box 2a); CGSHORT is reported and taxed as
        // an ordinary dividend (Publication 550, "Capital Gain Distributions"); OFX's DIV does not
        // say whether a dividend is qualified, so it is booked as ordinary.
        boolean longGain = type.equals("CGLONG");
        boolean sweep = security.filter(this::sweep).isPresent();
        if (name.equals("REINVEST") && sweep) {
          // Income reinvested in the sweep money-market fund stays cash to Keel.
          kind = longGain ? ActivityKind.CAPITAL_GAIN_DISTRIBUTION : type.equals("INTEREST") ? ActivityKind.INTEREST : ActivityKind.DIVIDEND;
          units = Optional.empty();
          security = Optional.empty();
          fees = BigDecimal.ZERO;
        } else if (name.equals("REINVEST")) {
          kind = longGain ? ActivityKind.REINVEST_CAPITAL_GAIN : ActivityKind.REINVEST;
          need(body, "UNITS", units);
          BigDecimal f = fees;
          amount = total.map(t -> t.subtract(f));
        } else {
          kind = longGain ? ActivityKind.CAPITAL_GAIN_DISTRIBUTION
              : type.equals("DIV") || type.equals("CGSHORT") ? ActivityKind.DIVIDEND
              : type.equals("INTEREST") ? ActivityKind.INTEREST : ActivityKind.UNKNOWN;
          fees = BigDecimal.ZERO;
        }
        need(body, "TOTAL", total);
      } else if (name.equals("INVEXPENSE") || name.equals("MARGININTEREST")) {
        kind = ActivityKind.FEE;
        fees = BigDecimal.ZERO;
        need(body, "TOTAL", total);
      } else if (name.equals("RETOFCAP")) {
        kind = ActivityKind.RETURN_OF_CAPITAL;
        fees = BigDecimal.ZERO;
        need(body, "TOTAL", total);
      } else if (name.equals("SPLIT")) {
        kind = ActivityKind.SPLIT;
        Optional<String> numerator = tran.text("NUMERATOR");
        Optional<String> denominator = tran.text("DENOMINATOR");
        need(body, "NUMERATOR", numerator);
        need(body, "DENOMINATOR", denominator);
        label = "SPLIT " + numerator.orElse("?") + ":" + denominator.orElse("?");
        ratio = numerator.isPresent() && denominator.isPresent()
            ? Optional.of(numerator.get().trim() + ":" + denominator.get().trim()) : Optional.empty();
        units = decimal(body, "NEWUNITS", false).flatMap(n -> decimal(body, "OLDUNITS", false).map(o -> n.subtract(o)));
        // FRACCASH is cash paid in lieu of a fractional share: the sale of that fraction.
        amount = decimal(body, "FRACCASH", false).map(BigDecimal::abs).filter(c -> c.signum() > 0);
        fees = BigDecimal.ZERO;
      } else if (name.equals("TRANSFER")) {
        kind = "OUT".equals(tran.text("TFERACTION").orElse("")) ? ActivityKind.TRANSFER_OUT : ActivityKind.TRANSFER_IN;
        label = "TRANSFER " + tran.text("TFERACTION").orElse("");
        other = tran.text("INVACCTFROM", "ACCTID");
        need(body, "UNITS", units);
        amount = Optional.empty();
        fees = BigDecimal.ZERO;
      } else {
        kind = ActivityKind.UNKNOWN;
      }
      if ((kind == ActivityKind.BUY || kind == ActivityKind.SELL) && security.filter(this::sweep).isPresent()) {
        // Buying or selling the sweep money-market fund moves cash to cash.
        kind = ActivityKind.CASH_SWEEP;
      }
      if (kind.needsSecurity() && security.isEmpty()) {
        problems.add(origin(body).problem("SECID", null, "is missing; a trade names its security"));
      }
      if (fitid.isEmpty() || date.isEmpty()) {
        return Optional.empty();
      }
      Optional<BigDecimal> unitCost = name.equals("TRANSFER") ? decimal(body, "AVGCOSTBASIS", false).map(BigDecimal::abs) : Optional.empty();
      Optional<LocalDate> purchased = name.equals("TRANSFER") ? date(body, "DTPURCHASE", false) : Optional.empty();
      ActivityFacts facts = new ActivityFacts(other, ratio, withheld, invtran.get().text("CORRECTFITID"),
          invtran.get().text("CORRECTACTION"), unitCost, purchased, time(invtran.get(), "DTTRADE"));
      return Optional.of(new Activity(origin(tran), Optional.of(account), fitid.get(), date.get(), kind, label, security,
          units.map(BigDecimal::abs), price, amount, fees, "", facts));
    }

    Optional<Activity> bank(OfxElement tran, String account) {
      Optional<OfxElement> stmt = tran.child("STMTTRN");
      if (stmt.isEmpty()) {
        problems.add(origin(tran).problem("STMTTRN", null, "is missing; a bank transaction in an investment account has one"));
        return Optional.empty();
      }
      OfxElement s = stmt.get();
      String type = s.text("TRNTYPE").orElse("");
      Optional<String> fitid = s.text("FITID");
      if (fitid.isEmpty()) {
        problems.add(origin(s).problem("FITID", null, "is missing; expected the transaction's unique id"));
      }
      Optional<LocalDate> date = date(s, "DTPOSTED", true);
      Optional<BigDecimal> amount = decimal(s, "TRNAMT", true);
      if (fitid.isEmpty() || date.isEmpty() || amount.isEmpty()) {
        return Optional.empty();
      }
      ActivityKind kind = switch (type) {
        case "INT" -> ActivityKind.INTEREST;
        case "DIV" -> ActivityKind.DIVIDEND;
        case "FEE", "SRVCHG" -> ActivityKind.FEE;
        default -> amount.get().signum() >= 0 ? ActivityKind.DEPOSIT : ActivityKind.WITHDRAWAL;
      };
      String label = "INVBANKTRAN " + type + s.text("NAME").map(n -> " " + n).orElse("");
      ActivityFacts facts = new ActivityFacts(Optional.empty(), Optional.empty(), BigDecimal.ZERO, s.text("CORRECTFITID"),
          s.text("CORRECTACTION"), Optional.empty(), Optional.empty(), time(s, "DTPOSTED"));
      return Optional.of(new Activity(origin(tran), Optional.of(account), fitid.get(), date.get(), kind, label,
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(amount.get().abs()), BigDecimal.ZERO, "", facts));
    }

    Optional<PositionLine> position(OfxElement pos, String account, Optional<LocalDate> asOf) {
      Optional<OfxElement> inv = pos.child("INVPOS");
      if (inv.isEmpty()) {
        problems.add(origin(pos).problem("INVPOS", null, "is missing; every position has one"));
        return Optional.empty();
      }
      OfxElement p = inv.get();
      Optional<SecurityRef> security = p.child("SECID").map(this::security);
      Optional<BigDecimal> units = decimal(p, "UNITS", true);
      Optional<BigDecimal> price = decimal(p, "UNITPRICE", false);
      Optional<LocalDate> priced = date(p, "DTPRICEASOF", false);
      if (security.isEmpty()) {
        problems.add(origin(p).problem("SECID", null, "is missing; a position names its security"));
        return Optional.empty();
      }
      if (units.isEmpty()) {
        return Optional.empty();
      }
      Optional<LocalDate> when = asOf.isPresent() ? asOf : priced;
      if (sweep(security.get())) {
        // The sweep fund's shares are the account's cash: at $1.00 a share, or at their MKTVAL.
        BigDecimal value = decimal(p, "MKTVAL", false).orElseGet(() -> units.get().multiply(price.orElse(BigDecimal.ONE)));
        sweepCash.add(new CashLine(origin(pos), Optional.of(account), when, value));
        return Optional.empty();
      }
      return Optional.of(new PositionLine(origin(pos), Optional.of(account), when, security.get(), units.get(), price));
    }

    /**
     * A money-market fund the FI sweeps cash into: a mutual fund of the security list, or a ticker,
     * that {@link MoneyMarkets} recognises (the OFX specification has no money-market flag).
     */
    boolean sweep(SecurityRef ref) {
      return sweeps.contains(ref.cusip()) || ref.symbol().map(s -> MoneyMarkets.isSweep(s.value(), ref.name())).orElse(false);
    }

    /** {@code HHMMSS} of an OFX date-time element, empty when it gives no time. */
    String time(OfxElement parent, String name) {
      String text = parent.text(name).orElse("").trim();
      return text.length() >= 14 && text.substring(8, 14).chars().allMatch(Character::isDigit) ? text.substring(8, 14) : "";
    }

    SecurityRef security(OfxElement secid) {
      String id = secid.text("UNIQUEID").orElse("");
      SecurityRef known = securities.get(id);
      if (known != null) {
        return known;
      }
      // Some FIs put the ticker itself in UNIQUEID (UNIQUEIDTYPE TICKER).
      if (secid.text("UNIQUEIDTYPE").orElse("").equalsIgnoreCase("TICKER") && Symbol.isValid(id)) {
        return new SecurityRef(Optional.of(Symbol.of(id)), "", "");
      }
      return new SecurityRef(Optional.empty(), id, "");
    }

    void need(OfxElement parent, String name, Optional<?> value) {
      if (value.isEmpty() && parent.child(name).isEmpty()) {
        problems.add(origin(parent).problem(name, null, "is missing"));
      }
    }

    Optional<BigDecimal> decimal(OfxElement parent, String name, boolean required) {
      Optional<OfxElement> e = parent.child(name);
      if (e.isEmpty()) {
        if (required) {
          problems.add(origin(parent).problem(name, null, "is missing; expected a number"));
        }
        return Optional.empty();
      }
      return decimal(e.get());
    }

    Optional<BigDecimal> decimal(OfxElement e) {
      // OFX allows a comma as the decimal separator (specification §3.2.9).
      String text = e.text().trim().replace(',', '.');
      try {
        return Optional.of(new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
      } catch (NumberFormatException ex) {
        problems.add(new Problem(file, e.line(), e.path(), e.text(), "is not a number"));
        return Optional.empty();
      }
    }

    /** An OFX date: {@code YYYYMMDD} then optional time and zone; the date part is the FI's own date. */
    Optional<LocalDate> date(OfxElement parent, String name, boolean required) {
      Optional<OfxElement> e = parent.child(name);
      if (e.isEmpty()) {
        if (required) {
          problems.add(origin(parent).problem(name, null, "is missing; expected a date (YYYYMMDD)"));
        }
        return Optional.empty();
      }
      String text = e.get().text().trim();
      try {
        if (text.length() < 8 || !text.substring(0, 8).chars().allMatch(Character::isDigit)) {
          throw new DateTimeException(text);
        }
        return Optional.of(LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
            Integer.parseInt(text.substring(6, 8))));
      } catch (DateTimeException ex) {
        problems.add(new Problem(file, e.get().line(), e.get().path(), text, "is not an OFX date; expected YYYYMMDD[HHMMSS[.XXX][gmt offset]]"));
        return Optional.empty();
      }
    }
  }
}
