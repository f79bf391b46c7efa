package io.corridorsim.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** CSV output shared by the writers: RFC 4180, '\n' line ends, numbers as lossless shortest decimals. */
final class Csv {

    private Csv() {
    }

    static CSVPrinter open(Path file, String... header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(header).build());
    }

    /**
     * Locale-independent, round-trippable, the same bytes for the same double. NaN, which the
     * statistics use for "undefined" (one path, a constant series), is an empty cell.
     */
    static String num(double v) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, v);
        return sb.toString();
    }

    /** Appends {@link #num(double)}'s text without making a String (the per-path tables' rows). */
    static void append(StringBuilder sb, double v) {
        if (Double.isNaN(v)) {
            return;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append((long) v);
        } else {
            sb.append(v);
        }
    }

    /** A failed write as a one-line {@link OutputException}. */
    static OutputException io(Path file, IOException e) {
        return new OutputException("cannot write " + file + ": " + RunDirectory.reason(e));
    }
}
