package dev.keel.core.rebalance;

import dev.keel.core.household.Account;
import dev.keel.core.ledger.Lot;
import dev.keel.core.tax.Term;

/**
 * A lot the program may sell from: a variable in dollars between zero and the lot's value.
 *
 * @param gainPerDollar (price − basis per share) / price: the gain each dollar of sale realizes
 * @param costPerDollar the objective coefficient: transaction cost, tax, location, preferences
 * @param tax the estimated tax per dollar of sale (negative for a loss), 0 when tax-advantaged
 */
record SellOption(Lot lot, Account account, ClassPlan plan, double price, double gainPerDollar, Term term, double tax,
    double costPerDollar, int variable) {}
