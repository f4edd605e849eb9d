package dev.keel.cli;

import dev.keel.store.Database;
import dev.keel.store.access.Role;
import dev.keel.store.access.UserStore;
import dev.keel.store.household.HouseholdId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Users of the server and their API tokens.",
    subcommands = {UserCommand.Add.class})
final class UserCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a user and print their API token, once: only its hash is stored.")
  static final class Add implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The user's name.")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", required = true,
        description = "admin (every household), advisor (the households given) or client (their household: read, and approve when the policy allows).")
    String role;

    @Option(names = "--households", paramLabel = "ID,...", split = ",", description = "The households of an advisor or a client.")
    List<String> households = new ArrayList<>();

    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Role r = Role.find(role).orElseThrow(() -> new UsageProblem("--role " + role + " is not a role; expected admin, advisor or client"));
      Set<HouseholdId> ids = new LinkedHashSet<>();
      for (String h : households) {
        if (!HouseholdId.isValid(h.trim())) {
          throw new UsageProblem("--households: \"" + h + "\" is not a household id");
        }
        ids.add(HouseholdId.of(h.trim()));
      }
      if (r == Role.CLIENT && ids.size() != 1) {
        throw new UsageProblem("a client has exactly one household; give it with --households ID");
      }
      try (Database database = store.open()) {
        UserStore users = store.store(database).users();
        UserStore.Created created;
        try {
          created = users.add(name, r, ids, HouseholdCommand.user());
        } catch (IllegalArgumentException e) {
          throw new UsageProblem(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("added " + r.code() + " " + name + (ids.isEmpty() ? "" : " for " + String.join(", ",
            ids.stream().map(HouseholdId::value).toList())));
        out.println("API token (shown once; only its hash is stored):");
        out.println(created.token());
      }
      return 0;
    }
  }
}
