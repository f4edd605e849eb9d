package dev.keel.core.rebalance;

/** Solves a {@link LinearProgram} to optimality. */
public interface LpSolver {

  /**
   * @return the optimal values of the variables, in the order they were added
   * @throws IllegalStateException when the program is infeasible or the solver fails
   */
  double[] minimize(LinearProgram lp);
}
