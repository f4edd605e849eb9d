package dev.keel.io.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.ledger.OpeningLot;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Round trip: random lots written as a user or a spreadsheet might write them (any column order and
 * header case, LF or CRLF, a byte order mark or not, comments, blank and empty rows, "$" before
 * money, optional lot ids) load back exactly, each with the line it was written on.
 */
class LotsCsvLoaderProperties {

  private static final List<String> COLUMNS = List.of("account", "symbol", "quantity", "cost_basis", "acquired", "lot_id");

  /** One lot as written, and what the loader must make of it. */
  record Written(String account, String symbol, BigDecimal quantity, BigDecimal basis, LocalDate acquired,
      boolean inherited, String lotId) {

    String expected(int line) {
      return "lots.csv:" + line + " " + account + " " + symbol.toUpperCase(Locale.ROOT) + " " + quantity.toPlainString() + " "
          + basis.toPlainString() + " " + (acquired == null ? "-" : acquired) + " " + inherited + " "
          + (lotId.isEmpty() ? "-" : lotId);
    }
  }

  static String loaded(OpeningLot lot) {
    return lot.source() + " " + lot.account() + " " + lot.symbol() + " " + lot.quantity().toPlainString() + " "
        + lot.costBasis().toPlainString() + " " + lot.acquired().map(LocalDate::toString).orElse("-") + " "
        + lot.inherited() + " " + lot.lotId().map(Object::toString).orElse("-");
  }

  @Property(tries = 200)
  void roundTrip_exactValuesAndLines(@ForAll long seed) {
    Random random = new Random(seed);
    String eol = random.nextBoolean() ? "\n" : "\r\n";
    boolean withLotId = random.nextBoolean();
    List<String> columns = new ArrayList<>(withLotId ? COLUMNS : COLUMNS.subList(0, 5));
    Collections.shuffle(columns, random);

    StringBuilder file = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
    int line = 0;
    List<String> expected = new ArrayList<>();
    line = noise(random, file, eol, line, false);
    List<String> header = columns.stream().map(c -> random.nextBoolean() ? c.toUpperCase(Locale.ROOT) : c).toList();
    file.append(String.join(",", header)).append(eol);
    line++;
    int count = random.nextInt(12);
    for (int i = 0; i < count; i++) {
      line = noise(random, file, eol, line, true);
      Written lot = lot(random, withLotId, i);
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        cells.add(cell(random, lot, column));
      }
      file.append(String.join(",", cells)).append(eol);
      line++;
      expected.add(lot.expected(line));
    }
    noise(random, file, eol, line, true);

    Loaded<List<OpeningLot>> result = LotsCsvLoader.load("lots.csv", new StringReader(file.toString()));

    assertThat(result.problems()).as(file.toString()).isEmpty();
    assertThat(result.value().orElseThrow()).extracting(LotsCsvLoaderProperties::loaded)
        .as(file.toString()).containsExactlyElementsOf(expected);
  }

  /** Comment lines, blank lines and (after the header) rows of empty values. */
  private static int noise(Random random, StringBuilder file, String eol, int line, boolean afterHeader) {
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(afterHeader ? 3 : 2)) {
        case 0 -> file.append("# note ").append(i);
        case 1 -> { }
        default -> file.append(",,,,");
      }
      file.append(eol);
      line++;
    }
    return line;
  }

  private static Written lot(Random random, boolean withLotId, int index) {
    String account = List.of("joint", "alex-401k", "sam.ira", "HSA_1").get(random.nextInt(4));
    String symbol = List.of("VTI", "vxus", "BRK.B", "Bnd").get(random.nextInt(4));
    BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(1_000_000), random.nextInt(7));
    BigDecimal basis = BigDecimal.valueOf(random.nextInt(100_000_000), 2);
    boolean inherited = random.nextInt(4) == 0;
    LocalDate acquired = inherited && random.nextBoolean() ? null : LocalDate.of(1990, 1, 1).plusDays(random.nextInt(13_000));
    String lotId = withLotId && random.nextBoolean() ? "LOT-" + index : "";
    return new Written(account, symbol, quantity, basis, acquired, inherited, lotId);
  }

  private static String cell(Random random, Written lot, String column) {
    return switch (column) {
      case "account" -> lot.account();
      case "symbol" -> lot.symbol();
      case "quantity" -> lot.quantity().toPlainString();
      case "cost_basis" -> (random.nextBoolean() ? "$" : "") + lot.basis().toPlainString();
      case "acquired" -> lot.inherited()
          ? (random.nextBoolean() ? "inherited" : "Inherited") + (lot.acquired() == null ? "" : ":" + lot.acquired())
          : lot.acquired().toString();
      case "lot_id" -> lot.lotId();
      default -> throw new IllegalArgumentException(column);
    };
  }
}
