package io.corridorsim.cli;

import io.corridorsim.calibration.ObservedRates;
import io.corridorsim.montecarlo.SpreadStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code corridorsim observed YEAR}: the data side of the calibration table, as CSV. */
@Command(name = "observed", mixinStandardHelpOptions = true,
        description = "Calibration statistics of observed SHIBOR against the 7-day policy rate for a year (CSV): mean and sd of the spread, sd of daily changes, AR(1).")
final class ObservedCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "YEAR", description = "Calendar year with SHIBOR data (2015–2018).")
    int year;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder with shibor-2015-2018.csv and pboc-policy-rates.csv (default: the installation's models/data).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (dir == null) {
            dir = Home.locate().models("data");
        }
        ObservedRates data;
        try {
            data = ObservedRates.load(dir);
        } catch (java.io.UncheckedIOException e) {
            throw new UsageException("cannot read the data in " + dir + ": " + io.corridorsim.report.RunDirectory.reason(e.getCause()));
        }
        if (!data.years().contains(year)) {
            throw new UsageException("no SHIBOR data for " + year + "; the data cover " + data.years());
        }
        ObservedRates.Year y = data.year(year);
        PrintWriter out = spec.commandLine().getOut();
        out.println("series,year,days,mean_spread_bp,sd_spread_bp,sd_daily_change_bp,ar1");
        row(out, "shibor_1w", y, y.oneWeek());
        row(out, "shibor_on", y, y.overnight());
        return Main.OK;
    }

    private static void row(PrintWriter out, String name, ObservedRates.Year y, SpreadStatistics s) {
        out.println(String.format(Locale.ROOT, "%s,%d,%d,%s,%s,%s,%s", name, y.year(), y.days(), fixed(s.meanBp(), 2),
                fixed(s.sdBp(), 2), fixed(s.sdChangeBp(), 2), fixed(s.ar1(), 3)));
    }

    /** Undefined statistics (NaN) are empty cells, never a number. */
    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
