package io.corridorsim.scenario;

import java.nio.file.Path;

/**
 * A scenario file (or a {@code --set} override) is invalid. The message names the file, the
 * key path (e.g. {@code banks.groups[1].deposits.median_bn}), the line where known, and what
 * was expected. The CLI turns it into exit code 2.
 */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String keyPath;
    private final int line;
    private final String problem;

    public ScenarioException(Path file, String keyPath, int line, String problem) {
        super(format(file, keyPath, line, problem));
        this.file = file;
        this.keyPath = keyPath;
        this.line = line;
        this.problem = problem;
    }

    private static String format(Path file, String keyPath, int line, String problem) {
        StringBuilder b = new StringBuilder();
        b.append(file == null ? "<scenario>" : file.toString());
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ");
        if (keyPath != null && !keyPath.isEmpty()) {
            b.append(keyPath).append(": ");
        }
        b.append(problem);
        return b.toString();
    }

    public Path file() {
        return file;
    }

    /** Dotted key path with [index] for list items; empty for whole-file problems. */
    public String keyPath() {
        return keyPath;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
