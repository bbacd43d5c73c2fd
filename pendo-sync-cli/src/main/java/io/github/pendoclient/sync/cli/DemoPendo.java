package io.github.pendoclient.sync.cli;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.VisitorRow;
import io.github.pendoclient.track.TrackClient;
import java.time.Clock;
import java.util.List;

/**
 * The demo: an in-process {@link FakePendo} serving a generated dataset, and a client for it. Closing it stops
 * the fake.
 */
public final class DemoPendo implements AutoCloseable {

    /** The prefix of anonymous visitor ids, which the visitors table skips unless anonymous ones are asked for. */
    public static final String ANONYMOUS_PREFIX = "_PENDO_T_";

    private final Dataset dataset;
    private final FakePendo fake;
    private final PendoClient client;

    private DemoPendo(Dataset dataset, FakePendo fake) {
        this.dataset = dataset;
        this.fake = fake;
        this.client = fake.client();
    }

    /**
     * Generates a dataset and starts a fake serving it.
     *
     * @param seed the generator's seed (the same seed gives the same data)
     * @param visitors visitors, one in ten anonymous
     * @param accounts accounts
     * @param days days of events, ending at the clock's instant
     * @param clock the fake's clock
     * @return the running demo
     */
    public static DemoPendo start(long seed, int visitors, int accounts, int days, Clock clock) {
        Dataset dataset = Dataset.generator(seed)
                .visitors(visitors)
                .accounts(accounts)
                .days(days)
                .endingAt(clock.instant())
                .build();
        return new DemoPendo(
                dataset,
                FakePendo.builder().dataset(dataset).clock(clock).build().start());
    }

    /**
     * A client for the fake.
     *
     * @return the client; closed with the demo
     */
    public PendoClient client() {
        return client;
    }

    /**
     * A track client for the fake, with its shared secret.
     *
     * @return the client; closed with the demo
     */
    public TrackClient trackClient() {
        return fake.trackClient();
    }

    /**
     * How many of the dataset's visitors are anonymous.
     *
     * @return the count
     */
    public long anonymousVisitors() {
        return dataset.visitors().stream()
                .map(VisitorRow::id)
                .filter(id -> id.startsWith(ANONYMOUS_PREFIX))
                .count();
    }

    /**
     * A few visitors with events, for the visitor_history table.
     *
     * @param count how many
     * @return visitor ids
     */
    public List<String> sampleVisitors(int count) {
        return dataset.hourRows().stream()
                .map(row -> row.visitorId())
                .distinct()
                .limit(count)
                .toList();
    }

    /**
     * The generated visitors, as the fake serves them.
     *
     * @return the visitors
     */
    public List<VisitorRow> visitors() {
        return dataset.visitors();
    }

    @Override
    public void close() {
        client.close();
        fake.close();
    }
}
