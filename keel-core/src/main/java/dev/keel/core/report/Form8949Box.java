package dev.keel.core.report;

import dev.keel.core.household.BasisReporting;
import dev.keel.core.tax.Term;

/**
 * The box checked at the top of Form 8949 (Form 8949 instructions): which part (short- or
 * long-term) and what the broker's Form 1099-B reported. A separate Form 8949 is filed for each
 * box checked.
 */
public enum Form8949Box {
  A("short-term, basis reported to the IRS on Form 1099-B"),
  B("short-term, Form 1099-B without basis reported to the IRS"),
  C("short-term, no Form 1099-B"),
  D("long-term, basis reported to the IRS on Form 1099-B"),
  E("long-term, Form 1099-B without basis reported to the IRS"),
  F("long-term, no Form 1099-B");

  private final String description;

  Form8949Box(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The box for a sale of this term from an account (or lot) whose 1099-B reports as given. */
  public static Form8949Box of(Term term, BasisReporting reporting) {
    boolean shortTerm = term == Term.SHORT;
    return switch (reporting) {
      case REPORTED -> shortTerm ? A : D;
      case NOT_REPORTED -> shortTerm ? B : E;
      case NO_1099B -> shortTerm ? C : F;
    };
  }
}
