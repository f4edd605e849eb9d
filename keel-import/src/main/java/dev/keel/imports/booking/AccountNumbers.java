package dev.keel.imports.booking;

import dev.keel.core.household.AccountId;
import dev.keel.core.problem.Problem;
import dev.keel.io.read.Loaded;
import dev.keel.io.read.YamlNode;
import dev.keel.io.read.YamlReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The custodian account numbers of household.yaml ({@code account_number}, the whole number or
 * its last four or more characters) and how a number found in a statement maps to an account: the
 * two match when, letters and digits only, one ends with the other and the shorter has at least
 * four characters (statements often mask all but the last four: {@code ...5678}).
 */
public record AccountNumbers(Map<AccountId, String> byAccount) {

  public AccountNumbers {
    byAccount = Map.copyOf(byAccount);
  }

  public static AccountNumbers of(Map<AccountId, String> numbers) {
    return new AccountNumbers(numbers);
  }

  /** What a number found in a file maps to: one account, none, or several (ambiguous). */
  public List<AccountId> match(String found) {
    // A masked number keeps only its last digits: "...5678", "XXXX5678", "****5678".
    String f = normalize(found.trim().replaceFirst("^[Xx*.]{2,}", ""));
    List<AccountId> out = new ArrayList<>();
    if (f.length() < 3) {
      return out;
    }
    for (Map.Entry<AccountId, String> e : byAccount.entrySet()) {
      String n = normalize(e.getValue());
      String shorter = n.length() <= f.length() ? n : f;
      String longer = n.length() <= f.length() ? f : n;
      if (shorter.length() >= Math.min(4, f.length()) && longer.endsWith(shorter)) {
        out.add(e.getKey());
      }
    }
    out.sort(java.util.Comparator.comparing(AccountId::toString));
    return out;
  }

  public Optional<String> numberOf(AccountId account) {
    return Optional.ofNullable(byAccount.get(account));
  }

  static String normalize(String number) {
    return number.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
  }

  /**
   * Reads {@code accounts[].account_number} from household.yaml (the household loader checks
   * everything else). A number must have at least four letters or digits.
   */
  public static Loaded<AccountNumbers> read(String file, Reader reader) {
    Loaded<YamlNode> yaml = YamlReader.read(file, reader);
    List<Problem> problems = new ArrayList<>(yaml.problems());
    Map<AccountId, String> numbers = new LinkedHashMap<>();
    YamlNode accounts = yaml.value().filter(YamlNode::isMap).map(n -> n.get("accounts")).orElse(null);
    if (accounts != null && accounts.isList()) {
      for (YamlNode item : accounts.items()) {
        if (!item.isMap()) {
          continue;
        }
        YamlNode id = item.get("id");
        YamlNode number = item.get("account_number");
        if (id == null || !id.isScalar() || number == null || number.isNull()) {
          continue;
        }
        String text = number.isScalar() ? number.text().trim() : "";
        if (normalize(text).length() < 4) {
          problems.add(new Problem(file, number.line(), number.path(), text,
              "is not an account number; expected the custodian's number or its last four or more digits"));
          continue;
        }
        try {
          numbers.put(AccountId.of(id.text().trim()), text);
        } catch (IllegalArgumentException e) {
          // The household loader reports the bad id.
        }
      }
    }
    return Loaded.of(new AccountNumbers(numbers), problems);
  }
}
