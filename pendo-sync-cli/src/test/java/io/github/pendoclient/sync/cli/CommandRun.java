package io.github.pendoclient.sync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** One run of pendo-sync in this JVM: its exit status and what it printed on standard output and error. */
record CommandRun(int code, String out, String err) {

    /** Runs pendo-sync with this environment and these arguments. */
    static CommandRun of(Map<String, String> environment, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PendoSyncCommand.run(
                environment, new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new CommandRun(code, out.toString(), err.toString());
    }
}
