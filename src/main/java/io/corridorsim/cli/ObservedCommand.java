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
        description = "DOMAIN §6 statistics of observed SHIBOR against the 7-day policy rate for a year (CSV).")
final class ObservedCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "YEAR", description = "Calendar year with SHIBOR data (2015–2018).")
    int year;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("models/data");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ObservedRates data = ObservedRates.load(dir);
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
        out.println(String.format(Locale.ROOT, "%s,%d,%d,%.2f,%.2f,%.2f,%.3f", name, y.year(), y.days(), s.meanBp(), s.sdBp(),
                s.sdChangeBp(), s.ar1()));
    }
}
