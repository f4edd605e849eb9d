package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.Action;
import dev.keel.core.ledger.ActionTerms;
import dev.keel.core.ledger.OpeningLot;
import dev.keel.core.ledger.Transaction;
import dev.keel.core.problem.Problem;
import dev.keel.core.security.SecurityMaster;
import dev.keel.core.security.Symbol;
import dev.keel.imports.statement.Activity;
import dev.keel.imports.statement.ActivityKind;
import dev.keel.imports.statement.CashLine;
import dev.keel.imports.statement.LotLine;
import dev.keel.imports.statement.Origin;
import dev.keel.imports.statement.PositionLine;
import dev.keel.imports.statement.SecurityRef;
import dev.keel.imports.statement.Statement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one statement into household rows: resolves each item's account, maps each activity to
 * the ledger action that books it faithfully (or notes why it is not imported yet), gives each row
 * its import id and checks its securities against the policy.
 *
 * <p>Mapping: buy, sell and reinvest keep their meaning; a custodian's "reinvest shares" row after
 * its dividend row is a buy (the dividend row brought the cash in); dividend, qualified dividend,
 * capital-gain distribution, interest, fee, deposit, withdrawal and return of capital move cash; a
 * reinvested long-term distribution is the distribution and a buy; a sale with tax withheld is the
 * sale and a withdrawal of the tax; a split with its ratio is a split of the account; a transfer
 * between two accounts of the household is a transfer, and shares coming in from outside with
 * their basis and purchase date a lot. What no ledger action books faithfully (a split without its
 * ratio, shares leaving the household) is noted, never booked as something else.
 */
final class StatementMapper {

  private final AccountNumbers numbers;
  private final SecurityMaster securities;
  private final Optional<AccountId> forced;
  private final List<AccountId> known;

  StatementMapper(AccountNumbers numbers, SecurityMaster securities, Optional<AccountId> forced, List<AccountId> known) {
    this.numbers = numbers;
    this.securities = securities;
    this.forced = forced;
    this.known = List.copyOf(known);
  }

  MappedStatement map(Statement statement) {
    List<Problem> problems = new ArrayList<>();
    List<NewRow> rows = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    List<Note> unread = new ArrayList<>();
    Map<String, SecurityRef> unknown = new LinkedHashMap<>();
    Map<String, Integer> occurrences = new HashMap<>();
    List<Correction> corrections = new ArrayList<>();
    List<PendingSplit> pending = new ArrayList<>();
    Map<Activity, Integer> sequence = chronological(statement);
    for (Activity a : statement.activities()) {
      Optional<AccountId> account = account(a.accountNumber().or(statement::accountNumber), a.origin(), problems);
      if (account.isEmpty()) {
        continue;
      }
      String id;
      if (!a.sourceId().isEmpty()) {
        id = ImportIds.ofx(account.get(), a.sourceId());
      } else {
        String key = account.get() + "|" + a.fingerprint();
        int n = occurrences.merge(key, 1, Integer::sum);
        id = ImportIds.csv(statement.custodian(), account.get(), a.fingerprint(), n);
      }
      String what = describe(a);
      if (a.facts().corrects().isPresent()) {
        // OFX CORRECTFITID/CORRECTACTION (defined on STMTTRN, the banking chapter of the OFX
        // specification; read on INVTRAN too when an FI puts them there): this record replaces
        // (REPLACE) or deletes (DELETE) the transaction the FI sent before under CORRECTFITID.
        String action = a.facts().correction().orElse("").trim().toUpperCase(java.util.Locale.ROOT);
        if (!action.equals("REPLACE") && !action.equals("DELETE")) {
          problems.add(a.origin().problem("CORRECTACTION", a.facts().correction().orElse(null),
              "must be REPLACE or DELETE when CORRECTFITID is given"));
          continue;
        }
        corrections.add(new Correction(ImportIds.ofx(account.get(), a.facts().corrects().get()), account.get(), a.date(), a.origin(),
            what, action));
        if (action.equals("DELETE")) {
          continue;
        }
      }
      Optional<String> reason = a.kind().notImportedReason();
      if (reason.isPresent()) {
        Note note = new Note(a.origin(), Optional.of(account.get().toString()), Optional.of(a.date()), what, reason.get());
        (a.kind() == ActivityKind.UNKNOWN ? unread : notes).add(note);
        continue;
      }
      Rows out = new Rows(id, a, account.get(), what, sequence.getOrDefault(a, 0), rows, notes, problems);
      switch (a.kind()) {
        case BUY, SELL, REINVEST, REINVEST_CAPITAL_GAIN -> trade(a, out, unknown);
        case RETURN_OF_CAPITAL -> {
          Optional<Symbol> symbol = a.security().flatMap(ref -> symbol(ref, a.origin(), true, unknown, problems));
          if (a.security().isEmpty()) {
            problems.add(a.origin().problem("security", null, "a return of capital names the security whose basis it lowers"));
          } else if (symbol.isPresent()) {
            out.cash(Action.RETURN_OF_CAPITAL, symbol, "");
          }
        }
        case SPLIT -> split(a, out, unknown, pending);
        case TRANSFER_IN, TRANSFER_OUT -> transfer(a, out, unknown);
        default -> {
          Optional<Symbol> symbol = a.security().flatMap(ref -> symbol(ref, a.origin(), false, unknown, problems));
          out.cash(action(a.kind()), symbol, "");
        }
      }
    }
    for (LotLine lot : statement.lots()) {
      Optional<AccountId> account = account(lot.accountNumber().or(statement::accountNumber), lot.origin(), problems);
      Optional<Symbol> symbol = symbol(lot.security(), lot.origin(), true, unknown, problems);
      if (account.isEmpty() || symbol.isEmpty()) {
        continue;
      }
      Optional<LocalDate> asOf = lot.asOf();
      if (asOf.isEmpty()) {
        problems.add(lot.origin().problem(null, null,
            "lot details need the date they were exported on (the title line's \"as of\" date); Keel books them as opening lots on that date"));
        continue;
      }
      String key = account.get() + "|" + lot.fingerprint();
      int n = occurrences.merge(key, 1, Integer::sum);
      OpeningLot opening = new OpeningLot(account.get(), symbol.get(), lot.quantity(), lot.costBasis(), Optional.of(lot.acquired()),
          false, Optional.empty(), lot.origin().source());
      rows.add(new NewRow.NewLot(ImportIds.csv(statement.custodian(), account.get(), "lot|" + lot.fingerprint(), n), opening,
          asOf.get(), lot.washSaleDisallowed(), lot.origin()));
    }
    List<MappedStatement.Resolved<PositionLine>> positions = new ArrayList<>();
    for (PositionLine p : statement.positions()) {
      account(p.accountNumber().or(statement::accountNumber), p.origin(), problems)
          .ifPresent(acct -> positions.add(new MappedStatement.Resolved<>(acct, p)));
      Optional<Symbol> s = p.security().symbol().filter(securities::contains);
      if (s.isEmpty()) {
        unknown.putIfAbsent(key(p.security()), p.security());
      }
    }
    List<MappedStatement.Resolved<CashLine>> cash = new ArrayList<>();
    for (CashLine c : statement.cash()) {
      account(c.accountNumber().or(statement::accountNumber), c.origin(), problems)
          .ifPresent(acct -> cash.add(new MappedStatement.Resolved<>(acct, c)));
    }
    return new MappedStatement(rows, notes, unread, List.copyOf(unknown.values()), positions, cash, problems, corrections, pending);
  }

  /**
   * The rows one activity becomes, collected: each gets the activity's import id (a second row of
   * the same activity gets the id with a suffix) and its place in the day.
   */
  private record Rows(String id, Activity a, AccountId account, String what, int sequence, List<NewRow> rows, List<Note> notes,
      List<Problem> problems) {

    void note(String reason) {
      notes.add(new Note(a.origin(), Optional.of(account.toString()), Optional.of(a.date()), what, reason));
    }

    /** A cash row (income, fee, deposit, withdrawal, return of capital) of the activity's amount. */
    void cash(Action action, Optional<Symbol> symbol, String suffix) {
      Optional<BigDecimal> amount = a.amount();
      if (amount.filter(x -> x.signum() > 0).isEmpty()) {
        note("has no amount; nothing to book");
        return;
      }
      add(suffix, action, symbol, Optional.empty(), Optional.empty(), amount, BigDecimal.ZERO, Optional.empty(), 0);
    }

    void add(String suffix, Action action, Optional<Symbol> symbol, Optional<BigDecimal> quantity, Optional<BigDecimal> price,
        Optional<BigDecimal> amount, BigDecimal fees, Optional<ActionTerms> terms, int sub) {
      add(suffix, account, action, symbol, quantity, price, amount, fees, terms, sub, id);
    }

    void add(String suffix, AccountId from, Action action, Optional<Symbol> symbol, Optional<BigDecimal> quantity,
        Optional<BigDecimal> price, Optional<BigDecimal> amount, BigDecimal fees, Optional<ActionTerms> terms, int sub, String baseId) {
      try {
        Transaction t = new Transaction(a.date(), from, action, symbol, quantity, price, amount, fees, Optional.empty(),
            a.origin().source(), terms);
        rows.add(new NewRow.NewTransaction(baseId + suffix, t, a.label(), a.origin(), sequence * 4 + sub));
      } catch (IllegalArgumentException e) {
        problems.add(a.origin().problem(null, a.label(), "cannot be booked: " + e.getMessage()));
      }
    }
  }

  /** A buy, a sale (and the tax withheld from it), a reinvestment (of a capital-gain distribution: the distribution and a buy). */
  private void trade(Activity a, Rows out, Map<String, SecurityRef> unknown) {
    if (a.security().isEmpty()) {
      return; // the reader reported the missing SECID
    }
    Optional<Symbol> symbol = symbol(a.security().get(), a.origin(), true, unknown, out.problems());
    if (symbol.isEmpty()) {
      return;
    }
    Optional<BigDecimal> amount = a.amount();
    if (amount.isPresent() && amount.get().signum() < 0) {
      out.problems().add(a.origin().problem("amount", amount.get().toPlainString(),
          "leaves a negative gross amount once fees are taken out; the fees are larger than the trade"));
      return;
    }
    if (a.kind() == ActivityKind.REINVEST_CAPITAL_GAIN) {
      // Booked as the distribution (cash in, long-term gain) and a purchase of the same amount: a
      // reinvest row would count the distribution as an ordinary dividend.
      BigDecimal income = amount.orElse(BigDecimal.ZERO).add(a.fees());
      out.add("", Action.CAP_GAIN_DISTRIBUTION, symbol, Optional.empty(), Optional.empty(), Optional.of(income), BigDecimal.ZERO,
          Optional.empty(), 0);
      out.add("/buy", Action.BUY, symbol, a.quantity(), a.price(), amount, a.fees(), Optional.empty(), 1);
      return;
    }
    out.add("", action(a.kind()), symbol, a.quantity(), a.price(), amount, a.fees(), Optional.empty(), 0);
    if (a.kind() == ActivityKind.SELL && a.facts().withheld().signum() > 0) {
      // Tax withheld from the proceeds is paid out of the account to the tax authorities (a credit on
      // the owner's return): it leaves the account's cash, as a withdrawal beside the sale.
      out.add("/withheld", Action.WITHDRAWAL, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(a.facts().withheld()),
          BigDecimal.ZERO, Optional.empty(), 1);
    }
  }

  /** A split the file gives the ratio of (OFX NUMERATOR:DENOMINATOR), in this account. */
  private void split(Activity a, Rows out, Map<String, SecurityRef> unknown, List<PendingSplit> pending) {
    if (a.security().isEmpty()) {
      out.problems().add(a.origin().problem("SECID", null, "is missing; a split names its security"));
      return;
    }
    if (a.facts().splitRatio().isEmpty()) {
      // A CSV history gives the shares the split added: the ratio comes from what the ledger holds.
      Optional<Symbol> known = a.security().get().symbol().filter(securities::contains);
      if (known.isPresent() && a.quantity().filter(q -> q.signum() > 0).isPresent()) {
        pending.add(new PendingSplit(out.id(), out.account(), known.get(), a.date(), a.quantity().get(), a.label(), a.origin()));
      } else {
        out.note("the export gives the shares the split added" + a.quantity().map(q -> " (" + q.stripTrailingZeros().toPlainString()
            + ")").orElse("") + ", not its ratio, and Keel holds no " + a.security().get().describe()
            + "; add a split row with its ratio (NEW:OLD) to transactions.csv");
      }
      return;
    }
    Optional<Symbol> symbol = symbol(a.security().get(), a.origin(), true, unknown, out.problems());
    if (symbol.isEmpty()) {
      return;
    }
    Optional<ActionTerms.Split> ratio = ActionTerms.Split.parse(a.facts().splitRatio().get());
    if (ratio.isEmpty()) {
      out.problems().add(a.origin().problem("NUMERATOR", a.facts().splitRatio().get(),
          "is not a split ratio; expected two positive numbers that differ"));
      return;
    }
    out.add("", Action.SPLIT, symbol, Optional.empty(), Optional.empty(), Optional.empty(), BigDecimal.ZERO,
        Optional.of(ratio.get()), 0);
    a.amount().ifPresent(cash -> out.note("cash in lieu of a fractional share ($" + cash.toPlainString()
        + ") is not booked: the file does not give the fraction sold; record it as a sale of the fraction"));
  }

  /**
   * A transfer of shares in kind. Between two accounts of the household it is a {@code transfer}
   * row, whichever account's statement gives it: both sides have the same import id, so importing
   * both statements books it once. Shares coming from or going to an account outside the
   * household are noted: no ledger action moves a lot in or out of the household at a date.
   */
  private void transfer(Activity a, Rows out, Map<String, SecurityRef> unknown) {
    boolean in = a.kind() == ActivityKind.TRANSFER_IN;
    Optional<AccountId> other = a.facts().otherAccount().map(numbers::match).filter(m -> m.size() == 1).map(m -> m.get(0))
        .filter(o -> !o.equals(out.account()));
    if (other.isEmpty() && in && a.facts().unitCost().isPresent() && a.facts().acquired().isPresent() && a.security().isPresent()
        && a.quantity().filter(q -> q.signum() > 0).isPresent()) {
      // Shares arriving from outside with their basis and purchase date: a lot of their own that keeps
      // the original purchase date (a transfer is neither a sale nor a purchase); the basis, units x
      // AVGCOSTBASIS, rounded to the cent as a lot's basis is kept.
      Optional<Symbol> symbol = symbol(a.security().get(), a.origin(), true, unknown, out.problems());
      if (symbol.isPresent()) {
        BigDecimal basis = a.quantity().get().multiply(a.facts().unitCost().get()).setScale(2, java.math.RoundingMode.HALF_UP);
        OpeningLot lot = new OpeningLot(out.account(), symbol.get(), a.quantity().get(), basis, a.facts().acquired(), false,
            Optional.empty(), a.origin().source());
        out.rows().add(new NewRow.NewLot(out.id(), lot, a.date(), BigDecimal.ZERO, a.origin(), true));
      }
      return;
    }
    if (other.isEmpty()) {
      out.note(in
          ? "shares received from outside the household, and the file gives no basis and purchase date for them: add them to "
              + "lots.csv from the sending custodian's lot details, or import the sending account's statement if it is in the "
              + "household"
          : "shares sent out of the household without a sale: Keel has no action for that; if they went to an account of the "
              + "household, import that account's statement too");
      return;
    }
    if (a.security().isEmpty() || a.quantity().filter(q -> q.signum() > 0).isEmpty()) {
      out.problems().add(a.origin().problem("UNITS", a.quantity().map(BigDecimal::toPlainString).orElse(null),
          "a transfer of securities needs its security and a positive number of shares"));
      return;
    }
    Optional<Symbol> symbol = symbol(a.security().get(), a.origin(), true, unknown, out.problems());
    if (symbol.isEmpty()) {
      return;
    }
    AccountId from = in ? other.get() : out.account();
    AccountId to = in ? out.account() : other.get();
    String id = "transfer:" + from + ":" + to + ":" + a.date() + ":" + symbol.get() + ":" + a.quantity().get().stripTrailingZeros()
        .toPlainString();
    out.add("", from, Action.TRANSFER, symbol, a.quantity(), Optional.empty(), Optional.empty(), BigDecimal.ZERO,
        Optional.of(new ActionTerms.Transfer(to)), 0, id);
  }

  /**
   * Each activity's place in the statement's own chronology: by date, then the times the file gives
   * (when it gives one for every activity of the day), then the file's order, read backwards when
   * the file lists newest first: its first row is dated after its last, or it is a CSV history of a
   * single day (the custodians list newest first).
   */
  static Map<Activity, Integer> chronological(Statement statement) {
    List<Activity> list = new ArrayList<>(statement.activities());
    if (list.size() > 1) {
      LocalDate first = list.get(0).date();
      LocalDate last = list.get(list.size() - 1).date();
      // The custodians' CSV histories list newest first; an OFX transaction list has no set order.
      boolean newestFirst = first.equals(last) ? !statement.custodian().equals("ofx") : first.isAfter(last);
      if (newestFirst) {
        java.util.Collections.reverse(list);
      }
    }
    // A day's activities are ordered by their times only when every one of them has a time.
    Map<LocalDate, Boolean> timed = new HashMap<>();
    list.forEach(x -> timed.merge(x.date(), !x.facts().time().isEmpty(), Boolean::logicalAnd));
    List<Activity> ordered = new ArrayList<>(list);
    ordered.sort(java.util.Comparator.comparing(Activity::date).thenComparing(x -> timed.get(x.date()) ? x.facts().time() : ""));
    Map<Activity, Integer> out = new java.util.IdentityHashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      out.put(ordered.get(i), i);
    }
    return out;
  }

  private Optional<AccountId> account(Optional<String> number, Origin origin, List<Problem> problems) {
    if (number.isEmpty()) {
      if (forced.isPresent()) {
        return forced;
      }
      if (known.size() == 1) {
        return Optional.of(known.get(0));
      }
      problems.add(origin.problem("account", null, "the file names no account; run keel import with --account ID"));
      return Optional.empty();
    }
    List<AccountId> matches = numbers.match(number.get());
    if (forced.isPresent()) {
      if (!matches.isEmpty() && !matches.contains(forced.get())) {
        problems.add(origin.problem("account", number.get(), "is the account number of " + matches.get(0) + ", not of --account " + forced.get()));
        return Optional.empty();
      }
      return forced;
    }
    if (matches.size() == 1) {
      return Optional.of(matches.get(0));
    }
    if (matches.isEmpty()) {
      problems.add(origin.problem("account", number.get(),
          "is not the account_number of any account in household.yaml; add it to the account it belongs to (or use --account ID)"));
    } else {
      problems.add(origin.problem("account", number.get(), "matches the account_number of several accounts ("
          + String.join(", ", matches.stream().map(AccountId::toString).toList()) + "); give more digits in household.yaml"));
    }
    return Optional.empty();
  }

  private Optional<Symbol> symbol(SecurityRef ref, Origin origin, boolean required, Map<String, SecurityRef> unknown,
      List<Problem> problems) {
    if (ref.symbol().isPresent() && securities.contains(ref.symbol().get())) {
      return ref.symbol();
    }
    unknown.putIfAbsent(key(ref), ref);
    if (required) {
      problems.add(origin.problem("security", ref.describe(), ref.symbol().isPresent()
          ? "is not in policy.yaml; add it under securities with its asset_class, then import again"
          : "has no ticker in the file; add its ticker to policy.yaml's securities and import with a file that names it"));
    }
    return Optional.empty();
  }

  private static String key(SecurityRef ref) {
    return ref.symbol().map(Symbol::value).orElse("") + "|" + ref.cusip() + "|" + ref.name();
  }

  private static Action action(ActivityKind kind) {
    return switch (kind) {
      case BUY -> Action.BUY;
      case SELL -> Action.SELL;
      case REINVEST -> Action.REINVEST;
      case DIVIDEND -> Action.DIVIDEND;
      case QUALIFIED_DIVIDEND -> Action.QUALIFIED_DIVIDEND;
      case CAPITAL_GAIN_DISTRIBUTION -> Action.CAP_GAIN_DISTRIBUTION;
      case INTEREST -> Action.INTEREST;
      case FEE -> Action.FEE;
      case DEPOSIT -> Action.DEPOSIT;
      case WITHDRAWAL -> Action.WITHDRAWAL;
      default -> throw new IllegalArgumentException("not a bookable kind: " + kind);
    };
  }

  static String describe(Activity a) {
    StringBuilder out = new StringBuilder(a.label().isEmpty() ? a.kind().name().toLowerCase(java.util.Locale.ROOT) : a.label());
    a.quantity().filter(q -> q.signum() != 0).ifPresent(q -> out.append(' ').append(q.stripTrailingZeros().toPlainString()));
    a.security().ifPresent(s -> out.append(' ').append(s.symbol().map(Symbol::value).orElse(s.cusip().isEmpty() ? s.name() : s.cusip())));
    a.amount().ifPresent(x -> out.append(" $").append(x.toPlainString()));
    return out.toString();
  }
}
