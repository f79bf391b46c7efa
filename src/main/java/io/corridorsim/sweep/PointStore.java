package io.corridorsim.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The finished points of a sweep directory, one file per point ({@code points/point-000017.csv}:
 * one row per path, every statistic, written with {@link Double#toString} so values read back
 * bit for bit). A point is committed by writing a temporary file, forcing it to disk and renaming
 * it atomically, so after any kill a point file is either complete or absent.
 */
public final class PointStore {

    private final Path dir;
    private final List<StatisticSpec> statistics;
    private final int paths;

    public PointStore(Path sweepDir, SweepPlan plan) {
        this.dir = sweepDir.resolve("points");
        this.statistics = plan.statistics();
        this.paths = plan.paths();
    }

    Path file(int point) {
        return dir.resolve(String.format(Locale.ROOT, "point-%06d.csv", point));
    }

    /** Creates the folder and removes temporary files a killed run left half-written. */
    public void open() {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indices of the committed points. */
    public TreeSet<Integer> finished() {
        TreeSet<Integer> out = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.matches("point-\\d{6}\\.csv"))
                    .forEach(n -> out.add(Integer.parseInt(n.substring(6, 12))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Commits one point atomically. {@code values}: {@code [path][statistic]}. */
    public void commit(int point, double[][] values) {
        StringBuilder b = new StringBuilder("path");
        for (StatisticSpec s : statistics) {
            b.append(',').append(s.column());
        }
        b.append('\n');
        for (int p = 0; p < values.length; p++) {
            b.append(p);
            for (double v : values[p]) {
                b.append(',').append(v);
            }
            b.append('\n');
        }
        Path target = file(point);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a committed point back: {@code [path][statistic]}. */
    public double[][] read(int point) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file(point), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.size() != paths + 1) {
            throw new IllegalStateException(file(point) + " has " + (lines.size() - 1) + " paths, expected " + paths);
        }
        double[][] out = new double[paths][statistics.size()];
        for (int p = 0; p < paths; p++) {
            String[] cells = lines.get(p + 1).split(",");
            for (int j = 0; j < statistics.size(); j++) {
                out[p][j] = Double.parseDouble(cells[j + 1]);
            }
        }
        return out;
    }
}
