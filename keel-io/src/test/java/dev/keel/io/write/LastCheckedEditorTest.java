package dev.keel.io.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Tests {@link LastCheckedEditor}: one value changes, every other byte of the file stays. */
class LastCheckedEditorTest {

  private static final LocalDate DAY = LocalDate.parse("2026-11-22");

  @Test
  void test_replaces_the_value_and_keeps_the_comment() {
    LastCheckedEditor.Edit edit = LastCheckedEditor.set("check: monthly\nlast_checked: 2026-08-15   # by hand\nx: 1\n", DAY);

    assertThat(edit.text()).isEqualTo("check: monthly\nlast_checked: 2026-11-22   # by hand\nx: 1\n");
    assertThat(edit.previous()).contains("2026-08-15");
  }

  @Test
  void test_quoted_and_empty_values() {
    assertThat(LastCheckedEditor.set("last_checked: \"2026-08-15\"\n", DAY).text()).isEqualTo("last_checked: 2026-11-22\n");
    assertThat(LastCheckedEditor.set("last_checked:\ncheck: daily\n", DAY).text()).isEqualTo("last_checked: 2026-11-22\ncheck: daily\n");
  }

  @Test
  void test_keeps_windows_line_endings() {
    assertThat(LastCheckedEditor.set("check: daily\r\nlast_checked: 2026-01-01\r\n", DAY).text())
        .isEqualTo("check: daily\r\nlast_checked: 2026-11-22\r\n");
    assertThat(LastCheckedEditor.set("targets: {a: 1}\r\ncheck: daily\r\nz: 1\r\n", DAY).text())
        .isEqualTo("targets: {a: 1}\r\ncheck: daily\r\nlast_checked: 2026-11-22\r\nz: 1\r\n");
  }

  @Test
  void test_never_touches_a_nested_or_commented_last_checked() {
    String text = "# last_checked: 2020-01-01\nharvest:\n  last_checked: 2020-01-01\n";

    assertThat(LastCheckedEditor.set(text, DAY).text()).isEqualTo(text + "last_checked: 2026-11-22\n");
  }

  @Test
  void test_appends_to_a_file_without_a_final_newline() {
    assertThat(LastCheckedEditor.set("targets: {a: 1}", DAY).text()).isEqualTo("targets: {a: 1}\nlast_checked: 2026-11-22\n");
  }

  @Test
  void test_flow_mapping_is_refused() {
    assertThatThrownBy(() -> LastCheckedEditor.set("{targets: {a: 1}, last_checked: 2026-01-01}\n", DAY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be edited in place");
  }
}
