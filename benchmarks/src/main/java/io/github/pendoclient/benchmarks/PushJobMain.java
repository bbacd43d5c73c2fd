package io.github.pendoclient.benchmarks;

import io.github.pendoclient.sync.cli.PendoSyncCommand;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * The push benchmark's child process: {@code pendo-sync push} with the given arguments, in this JVM, then its exit
 * status, peak resident set size and CPU time on standard output ({@code EXIT=}, {@code PEAK_RSS=},
 * {@code CPU_NANOS=}).
 */
public final class PushJobMain {

    private PushJobMain() {}

    /**
     * Runs one push.
     *
     * @param args the arguments after {@code pendo-sync}
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        int code = PendoSyncCommand.run(System.getenv(), out, new PrintWriter(System.err, true), args);
        out.println("EXIT=" + code);
        out.println("PEAK_RSS=" + SyncJobMain.peakRss());
        out.println("CPU_NANOS="
                + ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(Duration::toNanos)
                        .orElse(-1L));
        System.exit(code);
    }
}
