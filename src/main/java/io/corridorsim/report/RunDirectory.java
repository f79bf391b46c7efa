package io.corridorsim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run directory written atomically: everything goes to a hidden temporary folder next to
 * the destination, which is moved into place on {@link #commit()}; {@link #abort()} deletes it.
 * A failed run leaves nothing half-written. Existing non-empty destinations are never overwritten.
 */
public final class RunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path destination;
    private final Path temp;

    private RunDirectory(Path destination, Path temp) {
        this.destination = destination;
        this.temp = temp;
    }

    /** {@code runs/<scenario>/<UTC timestamp>/} under {@code runsRoot}, or exactly {@code explicit} when given. */
    public static Path destination(Path runsRoot, String scenario, Instant now, Path explicit) {
        return explicit != null ? explicit : runsRoot.resolve(scenario).resolve(STAMP.format(now));
    }

    public static RunDirectory create(Path destination) {
        Path dest = destination.toAbsolutePath().normalize();
        if (Files.isDirectory(dest)) {
            try (Stream<Path> s = Files.list(dest)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException("the output directory " + destination + " exists and is not empty; "
                            + "runs are never overwritten");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (Files.exists(dest)) {
            throw new IllegalArgumentException("the output path " + destination + " exists and is not a directory");
        }
        try {
            Path parent = dest.getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempDirectory(parent, ".tmp-" + dest.getFileName() + "-");
            return new RunDirectory(dest, temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory next to " + destination + ": " + e.getMessage(), e);
        }
    }

    /** Where to write files before the commit. */
    public Path path() {
        return temp;
    }

    public Path destination() {
        return destination;
    }

    /** Moves the finished directory into place. */
    public Path commit() {
        try {
            if (Files.isDirectory(destination)) {
                Files.delete(destination); // empty, checked at creation
            }
            try {
                Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, destination);
            }
            return destination;
        } catch (DirectoryNotEmptyException e) {
            abort();
            throw new IllegalArgumentException("the output directory " + destination + " was filled by someone else meanwhile");
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("cannot move the run into " + destination + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary directory and everything in it. */
    public void abort() {
        if (!Files.exists(temp)) {
            return;
        }
        try (Stream<Path> s = Files.walk(temp)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The commit checked out in {@code repo}, read from .git without running git; "unknown"
     * outside a checkout.
     */
    public static String gitCommit(Path repo) {
        try {
            Path git = repo.resolve(".git");
            Path head = git.resolve("HEAD");
            if (!Files.isRegularFile(head)) {
                return "unknown";
            }
            String h = Files.readString(head, StandardCharsets.UTF_8).trim();
            if (!h.startsWith("ref: ")) {
                return h;
            }
            String ref = h.substring(5).trim();
            Path refFile = git.resolve(ref);
            if (Files.isRegularFile(refFile)) {
                return Files.readString(refFile, StandardCharsets.UTF_8).trim();
            }
            Path packed = git.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref)) {
                        return line.substring(0, line.indexOf(' '));
                    }
                }
            }
            return "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
