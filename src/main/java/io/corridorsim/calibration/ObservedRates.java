package io.corridorsim.calibration;

import io.corridorsim.montecarlo.SpreadStatistics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The observed side of the calibration (DOMAIN §6): daily SHIBOR against the 7-day reverse repo
 * rate in force, from the project's data files ({@code models/data/}). SHIBOR is a quoted proxy
 * for the DR repo fixings and smoother than they are.
 */
public final class ObservedRates {

    /** Statistics of one observed year: 1-week and overnight SHIBOR spreads to the policy rate. */
    public record Year(int year, int days, SpreadStatistics oneWeek, SpreadStatistics overnight) {
    }

    private final NavigableMap<LocalDate, double[]> shibor;
    private final NavigableMap<LocalDate, Double> policy;

    private ObservedRates(NavigableMap<LocalDate, double[]> shibor, NavigableMap<LocalDate, Double> policy) {
        this.shibor = shibor;
        this.policy = policy;
    }

    /** Loads {@code shibor-2015-2018.csv} and {@code pboc-policy-rates.csv} from {@code dir}. */
    public static ObservedRates load(Path dir) {
        NavigableMap<LocalDate, double[]> shibor = new TreeMap<>();
        for (CSVRecord r : read(dir.resolve("shibor-2015-2018.csv"))) {
            shibor.put(LocalDate.parse(r.get("date")), new double[] {Double.parseDouble(r.get("on")), Double.parseDouble(r.get("1w"))});
        }
        NavigableMap<LocalDate, Double> policy = new TreeMap<>();
        for (CSVRecord r : read(dir.resolve("pboc-policy-rates.csv"))) {
            if (r.get("instrument").equals("REVREPO") && r.get("tenor").equals("7D")) {
                policy.put(LocalDate.parse(r.get("effective_date")), Double.parseDouble(r.get("rate_pct")));
            }
        }
        return new ObservedRates(shibor, policy);
    }

    private static List<CSVRecord> read(Path file) {
        CSVFormat f = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return f.parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The policy rate in force on {@code d}. */
    public double policyPct(LocalDate d) {
        Map.Entry<LocalDate, Double> e = policy.floorEntry(d);
        if (e == null) {
            throw new IllegalArgumentException("no 7-day policy rate in force on " + d);
        }
        return e.getValue();
    }

    /** Years with SHIBOR data. */
    public List<Integer> years() {
        List<Integer> out = new ArrayList<>();
        for (int y = shibor.firstKey().getYear(); y <= shibor.lastKey().getYear(); y++) {
            out.add(y);
        }
        return out;
    }

    /** DOMAIN §6 statistics of {@code year}. */
    public Year year(int year) {
        NavigableMap<LocalDate, double[]> days = shibor.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no SHIBOR data for " + year + " (the data cover " + years() + ")");
        }
        int n = days.size();
        double[] on = new double[n];
        double[] week = new double[n];
        double[] pol = new double[n];
        int k = 0;
        for (Map.Entry<LocalDate, double[]> e : days.entrySet()) {
            on[k] = e.getValue()[0];
            week[k] = e.getValue()[1];
            pol[k] = policyPct(e.getKey());
            k++;
        }
        return new Year(year, n, SpreadStatistics.ofSeries(week, pol), SpreadStatistics.ofSeries(on, pol));
    }
}
