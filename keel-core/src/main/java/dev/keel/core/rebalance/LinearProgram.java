package dev.keel.core.rebalance;

import java.util.ArrayList;
import java.util.List;

/**
 * A solver-neutral linear program: minimize {@code Σ cost·x} subject to bounds on variables and
 * on linear rows. Built by the rebalancer, solved by any {@link LpSolver}, so that the formulation
 * can be checked against another backend.
 */
public final class LinearProgram {

  /** One variable: bounds, objective coefficient and a name for diagnostics. */
  public record Variable(double lower, double upper, double cost, String name) {}

  /** One row: {@code lower ≤ Σ coefficients[i]·x[variables[i]] ≤ upper}. */
  public record Row(double lower, double upper, int[] variables, double[] coefficients, String name) {}

  private final List<Variable> variables = new ArrayList<>();
  private final List<Row> rows = new ArrayList<>();

  public int variable(double lower, double upper, double cost, String name) {
    variables.add(new Variable(lower, upper, cost, name));
    return variables.size() - 1;
  }

  /**
   * Adds a row. Coefficients smaller than {@link #NEGLIGIBLE} in magnitude are dropped: they are
   * rounding noise (a break-even lot's gain per dollar of 1e-16, say), and the simplex can stall on
   * them. A row left with no coefficient is dropped when zero satisfies it.
   */
  public void row(double lower, double upper, List<Integer> vars, List<Double> coefficients, String name) {
    int n = 0;
    int[] v = new int[vars.size()];
    double[] c = new double[vars.size()];
    for (int i = 0; i < vars.size(); i++) {
      double coefficient = coefficients.get(i);
      if (Math.abs(coefficient) >= NEGLIGIBLE) {
        v[n] = vars.get(i);
        c[n] = coefficient;
        n++;
      }
    }
    if (n == 0) {
      if (lower > 0 || upper < 0) {
        throw new IllegalArgumentException("row " + name + " has no variable and excludes zero: [" + lower + ", " + upper + "]");
      }
      return;
    }
    rows.add(new Row(lower, upper, java.util.Arrays.copyOf(v, n), java.util.Arrays.copyOf(c, n), name));
  }

  /** Coefficients below this magnitude are noise. */
  public static final double NEGLIGIBLE = 1e-9;

  public List<Variable> variables() {
    return variables;
  }

  public List<Row> rows() {
    return rows;
  }

  /** The objective at a point. */
  public double objective(double[] x) {
    double total = 0;
    for (int i = 0; i < variables.size(); i++) {
      total += variables.get(i).cost() * x[i];
    }
    return total;
  }

  /** A growing row, for readable model building. */
  public static final class RowBuilder {
    private final List<Integer> vars = new ArrayList<>();
    private final List<Double> coefficients = new ArrayList<>();

    public RowBuilder add(int variable, double coefficient) {
      vars.add(variable);
      coefficients.add(coefficient);
      return this;
    }

    public RowBuilder copy() {
      RowBuilder out = new RowBuilder();
      out.vars.addAll(vars);
      out.coefficients.addAll(coefficients);
      return out;
    }

    public void into(LinearProgram lp, double lower, double upper, String name) {
      lp.row(lower, upper, vars, coefficients, name);
    }
  }
}
