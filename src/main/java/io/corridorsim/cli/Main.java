package io.corridorsim.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code corridorsim} command line. Exit codes: 0 success, 1 a validation check failed,
 * 2 bad input (scenario, options, an output location that cannot be written), 3 the model
 * stopped (accounting violation), 4 an internal error; 130/143 when interrupted by SIGINT/SIGTERM
 * (the JVM's own codes; a shutdown hook removes any half-written run directory).
 */
@Command(name = "corridorsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Agent-based Monte Carlo simulator of China's interbank market inside the PBoC rate corridor.")
public final class Main {

    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int MODEL_STOPPED = 3;
    public static final int INTERNAL_ERROR = 4;

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, RerunCommand.class, SweepCommand.class,
            CheckCommand.class, ValidateCommand.class, BenchCommand.class, CalendarCommand.class, ObservedCommand.class,
            CommandLine.HelpCommand.class);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of a failure (for bug reports).")
    boolean debug;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs the CLI without exiting the JVM. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the CLI with its standard output and error going to the given writers (tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new Errors());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("corridorsim: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    /**
     * The command line for these arguments. When they start with a subcommand's name only that
     * subcommand is built: picocli reflects over every option of every subcommand it is given,
     * which cost 40 ms of the 0.4 s a command takes to start. Anything else (no arguments, an
     * option first, {@code help}, an unknown name) gets all of them.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> named = null;
        for (Class<?> c : SUBCOMMANDS) {
            // help needs its siblings to describe them.
            if (args.length > 0 && c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0])) {
                named = c;
            }
        }
        for (Class<?> c : SUBCOMMANDS) {
            if (named == null || c == named) {
                cl.addSubcommand(c);
            }
        }
        return cl;
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"corridorsim " + version(), "JVM " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vendor") + ")"};
        }
    }
}
