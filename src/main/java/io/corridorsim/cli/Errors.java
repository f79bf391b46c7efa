package io.corridorsim.cli;

import io.corridorsim.calendar.CalendarDataException;
import io.corridorsim.calendar.CalendarRangeException;
import io.corridorsim.model.AccountingException;
import io.corridorsim.report.OutputException;
import io.corridorsim.scenario.ScenarioException;
import picocli.CommandLine;

/**
 * Maps failures to one clear line on stderr and an exit code. No stack trace reaches the user
 * unless {@code --debug} was given.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
        boolean debug = debug(parse);
        int code;
        if (ex instanceof ScenarioException || ex instanceof CalendarRangeException || ex instanceof CalendarDataException
                || ex instanceof UsageException || ex instanceof OutputException) {
            cl.getErr().println("corridorsim: " + oneLine(ex.getMessage()));
            code = Main.BAD_INPUT;
        } else if (ex instanceof AccountingException) {
            cl.getErr().println("corridorsim: the run stopped: " + oneLine(ex.getMessage()));
            code = Main.MODEL_STOPPED;
        } else {
            cl.getErr().println("corridorsim: internal error: " + oneLine(ex.getMessage() == null ? "no message" : ex.getMessage())
                    + (debug ? "" : " (run again with --debug for the stack trace)"));
            code = Main.INTERNAL_ERROR;
        }
        if (debug) {
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return code;
    }

    static boolean debug(CommandLine.ParseResult parse) {
        for (CommandLine.ParseResult p = parse; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
