package io.corridorsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A run directory written atomically: everything goes to a hidden temporary folder
 * ({@code .tmp-*}) next to the destination, which is renamed into place on {@link #commit()};
 * {@link #abort()} deletes it, and so does a JVM shutdown hook when the process is interrupted
 * (SIGINT, SIGTERM) before either. A failed or interrupted run leaves nothing half-written, and
 * an existing non-empty destination is never overwritten.
 *
 * <p>Two runs that pick the same default destination (same scenario, same second) both
 * succeed: the later one takes {@code <timestamp>-2}, {@code -3}, ... An explicit destination
 * ({@code --out}) is never renamed: if someone fills it meanwhile the run fails.
 *
 * <p>Folders and files are created with the process's umask and made readable by the group.
 */
public final class RunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Suffixes tried after the default destination before giving up. */
    private static final int MAX_SUFFIX = 1000;

    private final Path destination;
    private final boolean renameOnClash;
    private final Path temp;
    private final Thread cleanup;
    private boolean closed;

    private RunDirectory(Path destination, boolean renameOnClash, Path temp) {
        this.destination = destination;
        this.renameOnClash = renameOnClash;
        this.temp = temp;
        this.cleanup = new Thread(this::abortOnShutdown, "corridorsim-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** {@code <runsRoot>/<scenario>/<UTC timestamp>}. */
    public static Path defaultDestination(Path runsRoot, String scenario, Instant now) {
        return runsRoot.resolve(scenario).resolve(STAMP.format(now));
    }

    /**
     * Opens a run directory for an explicit destination: it must not exist, or be an empty
     * directory. Every refusal is an {@link OutputException} naming the path and the reason.
     */
    public static RunDirectory create(Path destination) {
        return open(destination, false);
    }

    /** Opens a run directory at a default destination, taking the next free suffix on a clash. */
    public static RunDirectory createDefault(Path destination) {
        return open(destination, true);
    }

    /** Refuses an explicit destination the way {@link #create} would, leaving nothing behind. */
    public static void check(Path destination) {
        create(destination).abort();
    }

    private static RunDirectory open(Path destination, boolean renameOnClash) {
        Path dest = destination.toAbsolutePath().normalize();
        if (!renameOnClash) {
            refuseOccupied(destination, dest);
        }
        Path parent = dest.getParent();
        if (parent == null) {
            throw new OutputException(destination + ": cannot write a run directory at the root of the file system");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputException("cannot create the output directory " + destination + ": " + reason(e));
        }
        Path temp = parent.resolve(".tmp-" + dest.getFileName() + "-" + UUID.randomUUID());
        try {
            Files.createDirectory(temp);
            groupReadable(temp, true);
        } catch (IOException e) {
            throw new OutputException("cannot create the output directory " + destination + ": " + reason(e) + " (in " + parent + ")");
        }
        return new RunDirectory(dest, renameOnClash, temp);
    }

    private static void refuseOccupied(Path given, Path dest) {
        if (Files.isDirectory(dest)) {
            try (Stream<Path> s = Files.list(dest)) {
                if (s.findAny().isPresent()) {
                    throw new OutputException("the output directory " + given + " exists and is not empty; runs are never overwritten");
                }
            } catch (IOException e) {
                throw new OutputException("cannot read the output directory " + given + ": " + reason(e));
            }
        } else if (Files.exists(dest)) {
            throw new OutputException("the output path " + given + " exists and is not a directory");
        }
    }

    /** An I/O failure in words: "permission denied", "not a directory", "read-only file system". */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file is in the way (" + ((FileSystemException) e).getFile() + " is not a directory)";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    /** Where to write files before the commit. */
    public Path path() {
        return temp;
    }

    /** The destination asked for (the committed directory may carry a suffix). */
    public Path destination() {
        return destination;
    }

    /**
     * Moves the finished directory into place and returns where it landed. An empty destination
     * directory is replaced; a non-empty one is a clash (a suffix for default destinations, an
     * {@link OutputException} for explicit ones).
     */
    public synchronized Path commit() {
        if (closed) {
            throw new OutputException("the run was interrupted before its directory was complete");
        }
        try {
            try (Stream<Path> s = Files.walk(temp)) {
                for (Path p : s.toList()) {
                    groupReadable(p, Files.isDirectory(p));
                }
            }
            for (int k = 1; k <= (renameOnClash ? MAX_SUFFIX : 1); k++) {
                Path target = k == 1 ? destination : destination.resolveSibling(destination.getFileName() + "-" + k);
                try {
                    // rename(2): replaces an empty directory, refuses a non-empty one, never mixes two runs.
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    finish();
                    return target;
                } catch (IOException e) {
                    // ENOTEMPTY/EEXIST arrive as a plain FileSystemException: look at the target.
                    if (!occupied(target)) {
                        throw e;
                    }
                    if (!renameOnClash) {
                        throw new OutputException("the output directory " + destination
                                + " was filled by another process while this run was writing; nothing was written");
                    }
                }
            }
            throw new OutputException("no free run directory next to " + destination);
        } catch (IOException e) {
            abortQuietly();
            throw new OutputException("cannot move the run into " + destination + ": " + reason(e));
        } catch (RuntimeException e) {
            abortQuietly();
            throw e;
        }
    }

    private static boolean occupied(Path p) {
        if (!Files.isDirectory(p)) {
            return Files.exists(p);
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    /** Deletes the temporary directory and everything in it. */
    public synchronized void abort() {
        finish();
        deleteTemp();
    }

    private void abortQuietly() {
        try {
            abort();
        } catch (RuntimeException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private void finish() {
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds the folder gone
        }
    }

    /**
     * The shutdown hook: report writers may still be adding files while this runs, so delete
     * until the folder stays gone (their next write fails, as its folder no longer exists).
     */
    private void abortOnShutdown() {
        synchronized (this) {
            closed = true;
        }
        for (int attempt = 0; attempt < 200 && Files.exists(temp); attempt++) {
            deleteTemp();
            if (Files.exists(temp)) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void deleteTemp() {
        if (!Files.exists(temp)) {
            return;
        }
        try (Stream<Path> s = Files.walk(temp)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a writer raced us; the caller retries or the next walk finds less
        }
    }

    private static void groupReadable(Path p, boolean directory) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        boolean changed = perms.add(PosixFilePermission.GROUP_READ);
        if (directory) {
            changed |= perms.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (changed) {
            view.setPermissions(perms);
        }
    }

    /**
     * The commit checked out in {@code repo}, read from .git without running git; "unknown"
     * outside a checkout. A worktree's {@code .git} file points at its git directory.
     */
    public static String gitCommit(Path repo) {
        try {
            Path git = repo.resolve(".git");
            Path common = git;
            if (Files.isRegularFile(git)) {
                String pointer = Files.readString(git, StandardCharsets.UTF_8).trim();
                if (!pointer.startsWith("gitdir: ")) {
                    return "unknown";
                }
                git = repo.resolve(pointer.substring(8).trim()).normalize();
                Path commonFile = git.resolve("commondir");
                common = Files.isRegularFile(commonFile)
                        ? git.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim()).normalize() : git;
            }
            Path head = git.resolve("HEAD");
            if (!Files.isRegularFile(head)) {
                return "unknown";
            }
            String h = Files.readString(head, StandardCharsets.UTF_8).trim();
            if (!h.startsWith("ref: ")) {
                return h;
            }
            String ref = h.substring(5).trim();
            for (Path dir : new Path[] {git, common}) {
                Path refFile = dir.resolve(ref);
                if (Files.isRegularFile(refFile)) {
                    return Files.readString(refFile, StandardCharsets.UTF_8).trim();
                }
            }
            Path packed = common.resolve("packed-refs");
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
