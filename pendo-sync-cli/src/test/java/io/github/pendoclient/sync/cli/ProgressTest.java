package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.sync.TableResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

/**
 * Away from a terminal, progress is plain lines: spaced in time, and one per finished table. On a terminal, a bar
 * that fits the terminal's width.
 */
class ProgressTest {

    @Test
    void plainLinesComeAtMostOncePerIntervalAndOncePerFinishedTable() {
        AtomicLong now = new AtomicLong();
        StringWriter text = new StringWriter();
        Progress progress = Progress.lines(new PrintWriter(text, true), now::get);
        var visitors = TableRegistry.standard().get("visitors");

        progress.tableStarted(visitors);
        progress.progress(visitors, 50_000, 1);
        now.addAndGet(Progress.PLAIN_INTERVAL_NANOS - 1);
        progress.progress(visitors, 100_000, 2);
        assertThat(text.toString()).as("nothing before the interval").isEmpty();

        now.addAndGet(1);
        progress.progress(visitors, 150_000, 3);
        progress.progress(visitors, 160_000, 4);
        progress.tableFinished(new TableResult("visitors", 180_000, Duration.ofMillis(31_400), 4, 1, Optional.empty()));

        assertThat(text.toString().lines())
                .containsExactly(
                        "  ...  visitors                 150,000 rows so far, 3 requests",
                        "  ok   visitors                 180,000 rows in 31.4 s");
    }

    @Test
    void aFailedTableEndsWithItsErrorOnItsLine() {
        StringWriter text = new StringWriter();
        Progress progress = Progress.lines(new PrintWriter(text, true), () -> 0);

        progress.tableFinished(new TableResult(
                "events",
                10,
                Duration.ofMillis(200),
                2,
                0,
                Optional.of("events: Pendo rejected the integration key (HTTP 401).")));

        assertThat(text.toString().lines())
                .containsExactly(
                        "  FAIL events                   10 rows in 0.2 s: events: Pendo rejected the integration key"
                                + " (HTTP 401).");
    }

    @Test
    void atEightyColumnsTheBarIsReadableAndTheRateWhole() {
        List<String> drawn = new CopyOnWriteArrayList<>();
        StringWriter text = new StringWriter();
        Progress progress =
                Progress.bars(new PrintWriter(text, true), () -> new DelegatingProgressBarConsumer(drawn::add, 80));
        var events = TableRegistry.standard().get("page_events");

        progress.tableStarted(events);
        progress.workDone(events, 30, 60);
        progress.progress(events, 118_875, 30);
        progress.refresh();

        String line = drawn.get(drawn.size() - 1).replace("\r", "");
        assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        assertThat(line).contains("page_events").contains("30/60").contains("windows/s");
        int bar = line.indexOf(']') - line.indexOf('[') - 1;
        assertThat(bar).as("the bar's width in: " + line).isGreaterThanOrEqualTo(10);
    }
}
