package io.github.pendoclient.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 18's scale case: pendo-sync (discard sink, the README's heap flags) against the standalone fake
 * ({@code FakePendoServer}) in its own JVM, at 20,000 and 200,000 visitors (a tenth as many accounts, 60 days of
 * events), one run per size. Per size: the visitors table's time, the whole sync's time, rows/s, pendo-sync's peak
 * RSS (its own VmHWM), pendo-sync's CPU and the fake's CPU during the sync (the fake's CPU read from its process
 * once it is idle after start-up and after the sync, so generating its dataset is not counted), and the fake's peak
 * RSS (start-up included).
 */
final class ScaleCase {

    private static final Pattern ROW = Pattern.compile("^(\\w+)\\s+([\\d,]+)\\s+([\\d.]+)\\s+(\\d+)\\s+(\\d+)\\s+ok");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    /** The fake holds the whole generated dataset; 200,000 visitors and 2 million event rows need room. */
    private static final String FAKE_HEAP = "-Xmx3g";

    private static final int[][] SIZES = {{20_000, 2_000}, {200_000, 20_000}};
    private static final int DAYS = 60;

    private ScaleCase() {}

    private record Size(
            int visitors,
            double visitorsSeconds,
            long rows,
            double seconds,
            long peakRss,
            double clientCpu,
            double fakeCpu,
            long fakePeakRss) {}

    static String run(Path work) throws Exception {
        List<Size> sizes = new ArrayList<>();
        for (int[] size : SIZES) {
            sizes.add(measure(work, size[0], size[1]));
        }
        Size small = sizes.get(0);
        Size large = sizes.get(1);
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "`pendo-sync` (discard sink, `%s`) against the standalone fake"
                        + " (`FakePendoServer`, `%s`, its own JVM) on the same machine, %d days of events, one run per"
                        + " size. CPU is each process's user+system time during the sync; the fake's start-up (generating"
                        + " the dataset, and the JIT compiling the generator after it) is not counted: its CPU is read once"
                        + " it is idle. visitor_history is left out (it needs visitor ids chosen up"
                        + " front).%n%n",
                String.join(" ", SyncJobCase.HEAP_FLAGS),
                FAKE_HEAP,
                DAYS));
        out.append(
                "| visitors | accounts | visitors table (s) | whole sync (s) | rows | rows/s | pendo-sync peak RSS"
                        + " | pendo-sync CPU (s) | fake CPU (s) | fake peak RSS |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < sizes.size(); i++) {
            Size s = sizes.get(i);
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d | %,d | %.1f | %.1f | %,d | %,.0f | %,d MB | %.1f | %.1f" + " | %,d MB |%n",
                    s.visitors(),
                    SIZES[i][1],
                    s.visitorsSeconds(),
                    s.seconds(),
                    s.rows(),
                    s.rows() / s.seconds(),
                    s.peakRss() / 1_000_000,
                    s.clientCpu(),
                    s.fakeCpu(),
                    s.fakePeakRss() / 1_000_000));
        }
        out.append(String.format(
                Locale.ROOT,
                "%n200k ÷ 20k: visitors table %.1f× (target ≤ 12×), whole sync %.1f×" + " (target ≤ 11×).%n",
                large.visitorsSeconds() / small.visitorsSeconds(),
                large.seconds() / small.seconds()));
        out.append(String.format(
                Locale.ROOT,
                "%nRun on %s, %s %s, %d cores.%n",
                LocalDate.now(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }

    private static Size measure(Path work, int visitors, int accounts) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process fake = new ProcessBuilder(
                        java,
                        FAKE_HEAP,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.github.pendoclient.testing.FakePendoServer",
                        "--port",
                        "0",
                        "--visitors",
                        String.valueOf(visitors),
                        "--accounts",
                        String.valueOf(accounts),
                        "--days",
                        String.valueOf(DAYS))
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader fakeOut =
                    new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
            String baseUrl = null;
            for (String line = fakeOut.readLine(); line != null && baseUrl == null; line = fakeOut.readLine()) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    baseUrl = matcher.group(1);
                }
            }
            if (baseUrl == null) {
                throw new IllegalStateException("the standalone fake did not start");
            }
            Thread drain = new Thread(() -> {
                try {
                    while (fakeOut.readLine() != null) {
                        // keep the fake's output pipe from filling
                    }
                } catch (IOException ignored) {
                    // the fake is gone
                }
            });
            drain.setDaemon(true);
            drain.start();
            Duration fakeBefore = idle(fake);
            // A fresh state every run: a state left by an earlier run would make this sync incremental.
            Path target = work.resolve("scale-" + visitors);
            WorkDirs.deleteRecursively(target);
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(SyncJobCase.HEAP_FLAGS);
            command.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    SyncJobMain.class.getName(),
                    "discard",
                    target.toString(),
                    String.valueOf(visitors),
                    String.valueOf(accounts),
                    String.valueOf(DAYS)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("BENCHMARK_PENDO_URL", baseUrl);
            Process sync = builder.start();
            Map<String, double[]> tables = new LinkedHashMap<>();
            long rss = 0;
            long cpuNanos = 0;
            double seconds = 0;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(sync.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher matcher = ROW.matcher(line);
                    if (matcher.find()) {
                        tables.put(matcher.group(1), new double[] {
                            Double.parseDouble(matcher.group(2).replace(",", "")), Double.parseDouble(matcher.group(3))
                        });
                    } else if (line.startsWith("PEAK_RSS=")) {
                        rss = Long.parseLong(line.substring(9));
                    } else if (line.startsWith("CPU_NANOS=")) {
                        cpuNanos = Long.parseLong(line.substring(10));
                    } else if (line.startsWith("SECONDS=")) {
                        seconds = Double.parseDouble(line.substring(8));
                    } else if (line.contains("FAILED") || line.contains("Exception")) {
                        System.err.println("scale " + visitors + ": " + line);
                    }
                }
            }
            if (sync.waitFor() != 0) {
                throw new IllegalStateException("pendo-sync at " + visitors + " visitors failed");
            }
            Duration fakeCpu = cpu(fake).minus(fakeBefore);
            long fakeRss = peakRss(fake.pid());
            long rows = tables.values().stream().mapToLong(t -> (long) t[0]).sum();
            double[] visitorsTable = tables.get("visitors");
            System.err.println("scale " + visitors + ": " + rows + " rows in " + seconds + " s");
            return new Size(
                    visitors,
                    visitorsTable == null ? 0 : visitorsTable[1],
                    rows,
                    seconds,
                    rss,
                    cpuNanos / 1e9,
                    fakeCpu.toNanos() / 1e9,
                    fakeRss);
        } finally {
            fake.destroy();
            if (!fake.waitFor(10, TimeUnit.SECONDS)) {
                fake.destroyForcibly();
            }
        }
    }

    /**
     * The fake's CPU time once it has gone idle after start-up: the JIT keeps compiling the generator's code for a
     * few seconds after the fake says it listens, and that is start-up, not serving. Idle means under 20 ms of CPU in
     * a second; it waits at most a minute.
     */
    private static Duration idle(Process fake) throws InterruptedException {
        Duration last = cpu(fake);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            Duration now = cpu(fake);
            if (now.minus(last).toMillis() < 20) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** A process's peak resident set size in bytes (Linux's VmHWM), or -1 where /proc is missing. */
    private static long peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static Duration cpu(Process process) {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this platform does not report a process's CPU time"));
    }
}
