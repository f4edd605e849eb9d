package dev.keel.core.rebalance;

import dev.keel.core.household.Account;
import dev.keel.core.ledger.Lot;
import dev.keel.core.security.Security;
import dev.keel.core.tax.Term;
import java.util.List;

/**
 * A harvest the program may make: dollars of a loss lot sold and the same dollars of a substitute
 * bought in the same account. Neutral for the allocation and for cash; it changes only tax.
 *
 * @param gainPerDollar negative: the loss each dollar of sale realizes
 * @param taxPerDollar negative: the tax each dollar of sale saves at the household's rates
 */
record HarvestOption(Lot lot, Account account, Security substitute, double price, double substitutePrice,
    double gainPerDollar, Term term, double taxPerDollar, List<String> warnings, int variable) {}
