package io.corridorsim.cli;

import io.corridorsim.calendar.CalendarRangeException;
import io.corridorsim.model.AccountingException;
import io.corridorsim.scenario.ScenarioException;
import picocli.CommandLine;

/** Maps failures to one clear line on stderr and an exit code. */
final class Errors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
        if (ex instanceof ScenarioException || ex instanceof CalendarRangeException || ex instanceof UsageException) {
            cl.getErr().println("corridorsim: " + ex.getMessage());
            return Main.BAD_INPUT;
        }
        if (ex instanceof AccountingException) {
            cl.getErr().println("corridorsim: the run stopped: " + ex.getMessage());
            return Main.MODEL_STOPPED;
        }
        cl.getErr().println("corridorsim: internal error: " + ex);
        ex.printStackTrace(cl.getErr());
        return Main.MODEL_STOPPED;
    }
}
