package dev.keel.store.proposal;

import dev.keel.core.problem.Problem;
import dev.keel.io.read.Loaded;
import dev.keel.io.read.YamlMap;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code execution} section of policy.yaml:
 *
 * <pre>
 * execution:
 *   mode: auto            # dry_run | approve | auto; default approve
 *   notice_hours: 24      # auto: approved this long after the proposal is made, unless vetoed
 *   dry_run_until: 2027-03-01   # until this date (exclusive) every proposal is a dry run
 *   client_approves: false      # whether the household's client users may approve (advisors always may)
 * </pre>
 */
public record ExecutionSettings(ExecutionMode mode, int noticeHours, Optional<LocalDate> dryRunUntil,
    boolean clientApproves) {

  public static final ExecutionSettings DEFAULT = new ExecutionSettings(ExecutionMode.APPROVE, 24, Optional.empty(), false);
  private static final List<String> KEYS = List.of("mode", "notice_hours", "dry_run_until", "client_approves");

  public ExecutionSettings {
    if (noticeHours < 0) {
      throw new IllegalArgumentException("noticeHours must not be negative: " + noticeHours);
    }
  }

  /** The mode that applies to a proposal made for {@code asOf}: a dry run before dry_run_until. */
  public ExecutionMode modeOn(LocalDate asOf) {
    return dryRunUntil.isPresent() && asOf.isBefore(dryRunUntil.get()) ? ExecutionMode.DRY_RUN : mode;
  }

  /** Reads the section from policy.yaml's text; every problem names the line. */
  public static Loaded<ExecutionSettings> load(String file, String policyYaml) {
    List<Problem> problems = new ArrayList<>();
    Optional<YamlMap> top = YamlMap.top(file, new StringReader(policyYaml), "policy", "a mapping", problems);
    if (top.isEmpty() || top.get().child("execution") == null) {
      return Loaded.of(DEFAULT, problems);
    }
    Optional<YamlMap> section = YamlMap.of(file, top.get().child("execution"), "execution", problems);
    if (section.isEmpty()) {
      return Loaded.failed(problems);
    }
    YamlMap map = section.get();
    map.allowOnly(KEYS);
    Optional<ExecutionMode> mode = map.cell("mode").blank() ? Optional.of(DEFAULT.mode())
        : map.cell("mode").oneOf(ExecutionMode::find, "dry_run, approve or auto");
    Optional<Integer> notice = map.cell("notice_hours").blank() ? Optional.of(DEFAULT.noticeHours())
        : map.cell("notice_hours").wholeNumber()
            .flatMap(n -> n >= 0 ? Optional.of(n) : map.cell("notice_hours").fail("must not be negative"));
    Optional<LocalDate> until = map.cell("dry_run_until").date();
    Optional<Boolean> clientApproves = map.cell("client_approves").blank() ? Optional.of(false)
        : map.cell("client_approves").bool();
    if (!problems.isEmpty() || mode.isEmpty() || notice.isEmpty() || clientApproves.isEmpty()) {
      return Loaded.failed(problems);
    }
    return Loaded.of(new ExecutionSettings(mode.get(), notice.get(), until, clientApproves.get()), problems);
  }
}
