package io.corridorsim.model;

import io.corridorsim.bank.BankProfile;
import io.corridorsim.calendar.Timeline;
import io.corridorsim.centralbank.CentralBankSpec;
import io.corridorsim.centralbank.RatePath;
import io.corridorsim.flows.FlowSchedule;
import io.corridorsim.market.ShockFamily;

import java.util.List;

/**
 * Everything one Monte Carlo path needs, resolved: the business days, the banks, the rates in
 * force each day, the central bank's rule, the autonomous flows and the switches. Immutable and
 * shared read-only by all paths and threads.
 *
 * @param precaution per business day, the multiple of each bank's precautionary buffer it adds
 *                   to its demand (0 on ordinary days; quarter- and month-end assessment dates)
 */
public record ModelSpec(String name, Timeline timeline, List<BankProfile> banks, ShockFamily family,
                        RatePath rates, CentralBankSpec centralBank, FlowSchedule flows, AveragingSpec averaging,
                        InitialBalances initial, MarketSpec market, TermSpec term, double[] precaution,
                        List<RrrChange> rrrChanges) {
    public ModelSpec {
        banks = List.copyOf(banks);
        rrrChanges = List.copyOf(rrrChanges);
        precaution = precaution.clone();
        int days = timeline.size();
        if (rates.size() != days || flows.size() != days || precaution.length != days) {
            throw new IllegalArgumentException("rates, flows and precaution must cover the " + days + " business days");
        }
        if (banks.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one bank");
        }
    }

    public int days() {
        return timeline.size();
    }

    /** Business-day count per bank-day accounting: banks × days. */
    public long bankDays() {
        return (long) banks.size() * timeline.size();
    }

    @Override
    public double[] precaution() {
        return precaution.clone();
    }

    /** The same model with another market (validation). */
    public ModelSpec withMarket(MarketSpec other) {
        return new ModelSpec(name, timeline, banks, family, rates, centralBank, flows, averaging, initial, other, term,
                precaution, rrrChanges);
    }

    /** Precaution on day t without copying. */
    public double precaution(int t) {
        return precaution[t];
    }
}
