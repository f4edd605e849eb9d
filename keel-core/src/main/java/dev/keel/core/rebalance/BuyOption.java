package dev.keel.core.rebalance;

import dev.keel.core.household.Account;
import dev.keel.core.security.Security;

/**
 * A security the program may buy in an account, in dollars.
 *
 * @param note why this security rather than the class's first (a wash-sale substitute), or empty
 */
record BuyOption(Account account, Security security, ClassPlan plan, double price, double costPerDollar, String note,
    int variable) {}
