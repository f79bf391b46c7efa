package io.corridorsim.centralbank;

import io.corridorsim.market.ShockFamily;

/**
 * Everything the central bank knows when it sizes the morning's operation (DOMAIN §3.3), and
 * nothing else: every {@link ReactionRule} is a pure function of this record. It holds the
 * central bank's own balance sheet (reserves at yesterday's close, what its claims bring back
 * this morning), the calendar's part (today's rates, its forecast of the autonomous flows and
 * its prior of the precautionary demand of assessment dates), required reserves as reported at
 * the last ten-day period end, the fixings it has observed, and its own state (its estimate of
 * demand and the deviation-feedback level). No bank's schedule, holding or position enters,
 * and no aggregate of them computed by anyone else.
 *
 * <p>Amounts bn CNY, rates percent per annum.
 *
 * @param day                  business-day index of today
 * @param policyPct            today's 7-day reverse repo rate
 * @param floorPct             today's corridor floor (IOER)
 * @param ceilingPct           today's overnight SLF rate
 * @param operationDay         the central bank operates today (its own calendar of operation days)
 * @param reservesAtCloseBn    total reserves at yesterday's close, from its own books
 * @param claimsDueTodayBn     what its claims bring back this morning: maturing operations and
 *                             last night's SLF, principal plus interest
 * @param forecastFlowBn       its forecast of the morning's autonomous flows into reserves
 *                             (the calendar's part plus its forecast error)
 * @param reportedRequiredBn   required reserves as reported at the last ten-day period end
 * @param priorShiftBn         its calendar prior of today's precautionary demand (MPA dates), bn
 * @param demandEstimateBn     its learned estimate of the excess reserves at which the overnight
 *                             rate would sit at the corridor midpoint on an ordinary day
 * @param demandScaleBn        the slope of its demand model: Σσ of the end-of-day shocks it believes in
 * @param feedbackLevelBn      the deviation-feedback rule's current excess-reserve level
 * @param fixings              the fixings it has observed, newest last
 * @param family               the end-of-day shock family of its demand model (the banks' own)
 */
public record CentralBankView(int day, double policyPct, double floorPct, double ceilingPct, boolean operationDay,
                              double reservesAtCloseBn, double claimsDueTodayBn, double forecastFlowBn,
                              double reportedRequiredBn, double priorShiftBn, double demandEstimateBn,
                              double demandScaleBn, double feedbackLevelBn, FixingHistory fixings,
                              ShockFamily family) {

    /** Its forecast of today's reserves before it operates: yesterday's close, less its claims due, plus the flows. */
    public double forecastSupplyBn() {
        return reservesAtCloseBn - claimsDueTodayBn + forecastFlowBn;
    }
}
