package io.corridorsim.model;

import io.corridorsim.bank.BankSector;
import io.corridorsim.calendar.Timeline;
import io.corridorsim.centralbank.RatePath;
import io.corridorsim.market.ShockFamily;

/**
 * The interbank market of one path: clears the overnight segment by call auction (closed form
 * when every bank shares one ceiling, the numeric solver otherwise) and prices the 7-day
 * segment off the overnight rates the market expects over the loan's calendar days.
 */
final class InterbankMarket {

    private final BankSector banks;
    private final RatePath rates;
    private final Timeline timeline;
    private final MarketSpec spec;
    private final TermSpec term;
    private final ModelSpec model;
    private final double anchorSpreadPct;
    /** The central bank's calendar prior of precautionary demand per unit intensity, bn: the part it supplies. */
    private final double priorBn;
    /** Per day, the standardised gap that puts the overnight rate at the central bank's anchor. */
    private final double[] anchorGap;

    private double overnightPct;
    private double termPct = Double.NaN;
    private double volumeBn;

    InterbankMarket(ModelSpec model, BankSector banks) {
        this.model = model;
        this.banks = banks;
        this.rates = model.rates();
        this.timeline = model.timeline();
        this.spec = model.market();
        this.term = model.term();
        this.anchorSpreadPct = CorridorModel.anchorSpreadPct(model);
        this.priorBn = model.centralBank().precautionPriorBn();
        this.anchorGap = new double[timeline.size()];
        if (term.enabled()) {
            for (int t = 0; t < anchorGap.length; t++) {
                anchorGap[t] = standardGap(t, rates.policyPct(t) + anchorSpreadPct);
            }
        }
    }

    /** Clears the overnight market at today's supply (bn) and moves every bank to its holding. */
    void clear(int t, double supply) {
        double floor = rates.floorPct(t);
        double rate;
        rate = Double.NaN;
        if (banks.commonCeiling() && !spec.forceNumeric()) {
            double gap = banks.sumTarget() - supply;
            rate = banks.marketRatePct(floor + (banks.commonCeilingPct() - floor) * banks.family().cdf(gap / banks.sumDemandScale()));
        }
        if (Double.isNaN(rate) || banks.dailyMinimumBinds(rate)) {
            rate = spec.solver().clear(banks, supply, floor, banks.maxCeilingPct(), spec.tolerancePct());
            banks.dailyMinimumBinds(rate);
        }
        overnightPct = rate;
        volumeBn = banks.trade(t, rate, timeline.accrualDays(t), supply);
        if (term.enabled()) {
            termPct = priceTerm(t, rate);
        }
    }

    /**
     * DR007: compounds today's overnight rate and the expected overnight rates of the
     * following business days over the loan's calendar days, annualised (ACT/365). Expected
     * rates come from the Poole curve at the expected standardised supply gap: the central
     * bank's anchor, plus today's deviation decayed by the persistence, plus the demand shift
     * known for that date (precautionary demand beyond the central bank's calendar prior of it).
     */
    private double priceTerm(int t, double ratePct) {
        ShockFamily family = banks.family();
        double scale = banks.sumDemandScale();
        double shiftPerUnit = Math.max(0, banks.sumBuffer() - priorBn) / scale;
        double zToday = standardGap(t, ratePct);
        double deviation = zToday - anchorGap(t) - shiftPerUnit * model.precaution(t);
        int tenor = term.tenorDays();
        int last = timeline.size() - 1;
        double growth = 1;
        int daysCovered = 0;
        double decay = 1;
        int k = t;
        while (daysCovered < tenor) {
            int day = Math.min(k, last);
            double r;
            if (k == t) {
                r = ratePct;
            } else {
                decay *= term.persistence();
                double z = anchorGap(day) + decay * deviation + shiftPerUnit * model.precaution(day);
                double f = rates.floorPct(day);
                r = f + (rates.ceilingPct(day) - f) * family.cdf(z);
            }
            int d = k <= last ? timeline.accrualDays(k) : 1;
            d = Math.min(d, tenor - daysCovered);
            growth *= 1 + r / 100.0 * d / 365.0;
            daysCovered += d;
            k++;
        }
        return (growth - 1) * 36500.0 / tenor + term.premiumBp() / 100.0;
    }

    /** The standardised gap F⁻¹((r − f)/(c − f)) that puts the overnight rate at r on day t. */
    private double standardGap(int t, double ratePct) {
        double f = rates.floorPct(t);
        double p = (ratePct - f) / (rates.ceilingPct(t) - f);
        p = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
        return banks.family().quantile(p);
    }

    private double anchorGap(int t) {
        return anchorGap[t];
    }

    double overnightPct() {
        return overnightPct;
    }

    double termPct() {
        return termPct;
    }

    double volumeBn() {
        return volumeBn;
    }
}
