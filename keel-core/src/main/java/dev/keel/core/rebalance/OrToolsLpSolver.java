package dev.keel.core.rebalance;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Solves with Google OR-Tools: GLOP (its primal-dual simplex) by default; another backend by name
 * ("CLP", "PDLP", "SCIP") for cross-checking.
 */
public final class OrToolsLpSolver implements LpSolver {

  public static final OrToolsLpSolver GLOP = new OrToolsLpSolver("GLOP");

  private static volatile boolean loaded;

  private final String backend;

  public OrToolsLpSolver(String backend) {
    this.backend = backend;
  }

  private static void load() {
    if (!loaded) {
      synchronized (OrToolsLpSolver.class) {
        if (!loaded) {
          Loader.loadNativeLibraries();
          loaded = true;
        }
      }
    }
  }

  /** A solve that takes longer than this has gone wrong (a typical household solves in milliseconds). */
  private static final long TIME_LIMIT_MS = 10_000;

  @Override
  public double[] minimize(LinearProgram lp) {
    try {
      return solve(lp, backend);
    } catch (IllegalStateException e) {
      if (backend.equals("CLP")) {
        throw e;
      }
      // A second, independent simplex before giving up: the program itself is always feasible.
      return solve(lp, "CLP");
    }
  }

  private static double[] solve(LinearProgram lp, String backend) {
    load();
    MPSolver solver = MPSolver.createSolver(backend);
    if (solver == null) {
      throw new IllegalStateException("OR-Tools has no " + backend + " solver in this build");
    }
    try {
      MPVariable[] vars = new MPVariable[lp.variables().size()];
      for (int i = 0; i < vars.length; i++) {
        LinearProgram.Variable v = lp.variables().get(i);
        vars[i] = solver.makeNumVar(v.lower(), v.upper(), "");
      }
      for (LinearProgram.Row row : lp.rows()) {
        MPConstraint c = solver.makeConstraint(row.lower(), row.upper(), "");
        for (int k = 0; k < row.variables().length; k++) {
          c.setCoefficient(vars[row.variables()[k]], row.coefficients()[k]);
        }
      }
      MPObjective objective = solver.objective();
      for (int i = 0; i < vars.length; i++) {
        double cost = lp.variables().get(i).cost();
        if (cost != 0) {
          objective.setCoefficient(vars[i], cost);
        }
      }
      objective.setMinimization();
      solver.setTimeLimit(TIME_LIMIT_MS);
      MPSolver.ResultStatus status = solver.solve();
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        throw new IllegalStateException("the rebalancing program could not be solved by " + backend + ": " + status);
      }
      double[] x = new double[vars.length];
      for (int i = 0; i < vars.length; i++) {
        x[i] = vars[i].solutionValue();
      }
      return x;
    } finally {
      solver.delete();
    }
  }
}
