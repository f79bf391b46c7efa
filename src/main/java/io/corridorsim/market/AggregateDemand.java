package io.corridorsim.market;

/**
 * The market's aggregate reserve demand: post-trade holdings all participants want at a rate
 * (percent p.a.), in bn CNY. Must be non-increasing in the rate; may be ±infinity at the bounds.
 */
@FunctionalInterface
public interface AggregateDemand {
    double totalBn(double ratePct);
}
