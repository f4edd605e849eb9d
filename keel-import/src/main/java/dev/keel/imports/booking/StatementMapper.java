package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import dev.keel.core.ledger.Action;
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
 * its dividend row is a buy (the dividend row brought the cash in); dividend, interest, fee,
 * deposit and withdrawal move cash. Capital-gain distributions, return of capital, splits and
 * transfers are not imported yet: no ledger action books them faithfully, and booking them as
 * something else would make lots, gains or taxes silently wrong.
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
      Optional<String> reason = a.kind().notImportedReason();
      String what = describe(a);
      if (reason.isPresent()) {
        Note note = new Note(a.origin(), Optional.of(account.get().toString()), Optional.of(a.date()), what, reason.get());
        (a.kind() == ActivityKind.UNKNOWN ? unread : notes).add(note);
        continue;
      }
      Optional<Symbol> symbol = Optional.empty();
      if (a.security().isPresent()) {
        symbol = symbol(a.security().get(), a.origin(), a.kind().needsSecurity(), unknown, problems);
        if (a.kind().needsSecurity() && symbol.isEmpty()) {
          continue;
        }
      }
      Optional<BigDecimal> amount = a.amount();
      if (!a.kind().needsSecurity() && amount.filter(x -> x.signum() > 0).isEmpty()) {
        notes.add(new Note(a.origin(), Optional.of(account.get().toString()), Optional.of(a.date()), what, "has no amount; nothing to book"));
        continue;
      }
      if (a.kind().needsSecurity() && amount.isPresent() && amount.get().signum() < 0) {
        problems.add(a.origin().problem("amount", amount.get().toPlainString(),
            "leaves a negative gross amount once fees are taken out; the fees are larger than the trade"));
        continue;
      }
      try {
        Transaction t = new Transaction(a.date(), account.get(), action(a.kind()), symbol, a.kind().needsSecurity() ? a.quantity() : Optional.empty(),
            a.kind().needsSecurity() ? a.price() : Optional.empty(), amount, a.fees(), Optional.empty(), a.origin().source());
        rows.add(new NewRow.NewTransaction(id, t, a.label(), a.origin()));
      } catch (IllegalArgumentException e) {
        problems.add(a.origin().problem(null, a.label(), "cannot be booked: " + e.getMessage()));
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
    return new MappedStatement(rows, notes, unread, List.copyOf(unknown.values()), positions, cash, problems);
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
