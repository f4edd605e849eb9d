package dev.keel.imports.csv;

import java.util.List;

/** The CSV exports Keel recognises, most specific header first (a lot-details header also has Symbol and Quantity). */
public final class CustodianFormats {

  public static final List<CustodianFormat> ALL = List.of(
      new SchwabLotDetails(), new FidelityLotDetails(), new VanguardLotDetails(),
      new SchwabTransactions(), new SchwabPositions(),
      new FidelityTransactions(), new FidelityPositions(),
      new VanguardTransactions(), new VanguardPositions());

  private CustodianFormats() {}
}
