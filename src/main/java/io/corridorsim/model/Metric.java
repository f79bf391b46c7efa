package io.corridorsim.model;

/**
 * What a path records each business day. {@link #column()} is the name used in every CSV and
 * in summary.json.
 */
public enum Metric {
    DR001("dr001", "%", "Overnight interbank rate among banks (volume-weighted fixing)"),
    DR007("dr007", "%", "7-day interbank rate among banks (volume-weighted fixing of the day's 7-day trades; empty when none)"),
    DR007_EMPTY_REASON("dr007_empty_reason", "code", "Why DR007 is empty: 0 traded, 1 every would-be borrower shut out, 2 lenders' ask above the 7-day SLF + stigma, 3 no bank wanted to lock funds"),
    EXCESS_RESERVES_BN("excess_reserves_bn", "bn CNY", "End-of-day reserves above the requirement"),
    ER_RATIO_PCT("er_ratio_pct", "%", "Excess reserves as percent of deposits"),
    SLF_BN("slf_bn", "bn CNY", "Standing lending facility drawn today (shut-out banks in the morning, shortfalls at end of day)"),
    OMO_INJECTION_BN("omo_injection_bn", "bn CNY", "Today's 7-day reverse repo (negative: repo drain)"),
    OMO_OUTSTANDING_BN("omo_outstanding_bn", "bn CNY", "Reverse repos outstanding after today's operation"),
    OMO_BIDS_BN("omo_bids_bn", "bn CNY", "Dealers' bids at the fixed-rate operation (tenders only)"),
    CB_DEMAND_ESTIMATE_BN("cb_demand_estimate_bn", "bn CNY", "Central bank's learned estimate of the excess reserves at the corridor midpoint"),
    SHORT_BANK_SHARE("short_bank_share", "share", "Share of banks that ended the day at the SLF"),
    INTERBANK_VOLUME_BN("interbank_volume_bn", "bn CNY", "Volume lent between banks, overnight and 7-day"),
    VOLUME_ON_BN("volume_on_bn", "bn CNY", "Overnight volume lent between banks"),
    VOLUME_7D_BN("volume_7d_bn", "bn CNY", "7-day volume lent between banks"),
    SCHEDULED_OPERATIONS_BN("scheduled_operations_bn", "bn CNY", "Today's announced operations allotted (MLF, outright reverse repos, 14-day, relending and PSL; rollovers included)"),
    TEMPORARY_OPERATION_BN("temporary_operation_bn", "bn CNY", "Today's afternoon temporary overnight operation (positive: reverse repo, injects; negative: repo, drains)"),
    MLF_OUTSTANDING_BN("mlf_outstanding_bn", "bn CNY", "MLF outstanding"),
    OUTRIGHT_OUTSTANDING_BN("outright_outstanding_bn", "bn CNY", "Outright reverse repos outstanding"),
    STRUCTURAL_OUTSTANDING_BN("structural_outstanding_bn", "bn CNY", "Relending and PSL outstanding"),
    FX_BN("fx_bn", "bn CNY", "Central bank net foreign assets"),
    CLAIMS_BN("claims_bn", "bn CNY", "Central bank claims on banks (OMO, SLF, other lending)"),
    GOV_DEPOSITS_BN("gov_deposits_bn", "bn CNY", "Government deposits at the central bank"),
    REQUIRED_BN("required_reserves_bn", "bn CNY", "Required reserves"),
    CURRENCY_BN("currency_bn", "bn CNY", "Currency issued"),
    OTHER_ITEMS_BN("other_items_bn", "bn CNY", "Other items net: the central bank's equity, which its net interest moves until profit is remitted");

    private final String column;
    private final String unit;
    private final String description;

    Metric(String column, String unit, String description) {
        this.column = column;
        this.unit = unit;
        this.description = description;
    }

    public String column() {
        return column;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** The balance-sheet levels written to liquidity.csv. */
    public boolean isLiquidityLevel() {
        return ordinal() >= FX_BN.ordinal();
    }
}
