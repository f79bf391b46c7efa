package io.corridorsim.bench;

import io.corridorsim.bank.BankProfile;
import io.corridorsim.bank.BankSector;
import io.corridorsim.bank.ReserveTier;
import io.corridorsim.market.CallAuction;
import io.corridorsim.market.NormalDist;
import io.corridorsim.market.ShockFamily;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The clearing kernel: one day's call auction for a bank sector, by closed form (common
 * ceiling) and by the numeric solver (heterogeneous stigma), plus the normal quantile it leans on.
 * Run with {@code mvn -Pjmh verify} (see README).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClearingBenchmark {

    @Param({"100", "1000"})
    int banks;

    BankSector common;
    BankSector stigma;
    double supply;
    double p = 0.37;
    int day;

    @Setup
    public void setup() {
        common = sector(false);
        stigma = sector(true);
        supply = common.postedSupplyBn();
    }

    private BankSector sector(boolean heterogeneousStigma) {
        BankProfile[] b = new BankProfile[banks];
        for (int i = 0; i < banks; i++) {
            double d = 200 + 37.0 * (i % 97);
            b[i] = new BankProfile("g", ReserveTier.MEDIUM, d, 6, 2 + 0.3 * (i % 13), 0, heterogeneousStigma ? i % 20 : 0,
                    i % 2 == 0, 0, d * 0.01);
        }
        BankSector s = new BankSector(b, ShockFamily.normal());
        s.open(0.011 * 5000 * banks / 2.0);
        s.openLadder(7);
        s.setAggregateVariance(s.sumSigmaSq());
        s.prepareDemand(new io.corridorsim.bank.DemandDay(0.35, 2.25, 0, null));
        return s;
    }

    /** Closed-form clearing, every bank's overnight trade booked on the ladder, the next morning's settlement: the daily hot path. */
    @Benchmark
    public double closedFormClearAndTrade() {
        double q = common.clearingQuantile(supply);
        double rate = common.rateAtQuantile(q);
        common.holdAtQuantile(q);
        common.bookTrades(day, rate, 2.25, 1);
        day++;
        common.settleMorning(day);
        return rate;
    }

    /** Numeric Brent clearing over heterogeneous schedules (one quantile per bank per iteration). */
    @Benchmark
    public double numericClear() {
        return CallAuction.clear(stigma, supply, 0.35, stigma.maxCeilingPct(), 1e-12);
    }

    @Benchmark
    public double normalQuantile() {
        p = p > 0.99 ? 0.011 : p + 0.0137;
        return NormalDist.quantile(p);
    }
}
