package dev.keel.core.tax;

/** Holding-period character of a gain or loss: Form 8949 Part I (short) or Part II (long). */
public enum Term {
  SHORT("short"),
  LONG("long");

  private final String code;

  Term(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
