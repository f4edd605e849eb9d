package dev.keel.broker.config;

import dev.keel.core.household.Account;
import dev.keel.core.household.AccountId;
import dev.keel.core.household.Household;
import dev.keel.core.household.LotMethod;
import dev.keel.core.problem.Problem;
import dev.keel.io.read.Loaded;
import dev.keel.io.read.YamlMap;
import dev.keel.io.read.YamlNode;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads each account's {@code broker}, {@code broker_account}, {@code broker_lot_method} and {@code broker_settled_cash} from
 * household.yaml (the household loader has already checked their values and every other key).
 */
public final class BrokerLinksLoader {

  private BrokerLinksLoader() {}

  public static Loaded<Map<AccountId, BrokerLink>> load(String file, Reader reader, Household household) {
    List<Problem> problems = new ArrayList<>();
    Map<AccountId, BrokerLink> out = new LinkedHashMap<>();
    Optional<YamlMap> top = YamlMap.top(file, reader, "household", "name, members, tax and accounts", problems);
    if (top.isEmpty()) {
      return Loaded.failed(problems);
    }
    YamlNode list = top.get().child("accounts");
    if (list == null || !list.isList()) {
      return Loaded.of(out, problems);
    }
    for (YamlNode item : list.items()) {
      List<Problem> ignored = new ArrayList<>();
      Optional<YamlMap> section = YamlMap.of(file, item, "accounts", ignored);
      if (section.isEmpty()) {
        continue;
      }
      YamlMap a = section.get();
      Optional<String> id = a.cell("id").text();
      Optional<BrokerKind> kind = a.cell("broker").oneOf(BrokerKind::find, "alpaca, file");
      if (id.isEmpty() || kind.isEmpty() || !AccountId.isValid(id.get())) {
        continue;
      }
      Optional<Account> account = household.findAccount(AccountId.of(id.get()));
      if (account.isEmpty()) {
        continue;
      }
      Optional<LotMethod> brokerMethod = a.cell("broker_lot_method").oneOf(LotMethod::find, "a lot method");
      out.put(account.get().id(), new BrokerLink(account.get().id(), kind.get(), a.cell("broker_account").text(),
          brokerMethod, account.get().lotMethod(), a.cell("broker_settled_cash").bool().orElse(false)));
    }
    return Loaded.of(out, problems);
  }
}
