package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.Dataset;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** The fake's aggregation engine over a dataset, wired as {@link FakeApi} wires it, for tests in this package. */
final class Engines {

    private Engines() {
    }

    /**
     * An engine over a dataset that no request has changed.
     *
     * @param dataset the data
     * @param clock "now"
     * @param fastRollup roll event rows up through {@link EventRollup} (as the fake does) or through the general
     *     roll-up (the reference)
     * @return the engine
     */
    static AggregationEngine over(Dataset dataset, LongSupplier clock, boolean fastRollup) {
        PeopleHandler people = new PeopleHandler(dataset);
        CatalogHandler catalog = new CatalogHandler(dataset);
        return new AggregationEngine(new AggregationSources(dataset, new AggregationSources.Live() {
            @Override
            public Stream<Map<String, Object>> visitors() {
                return people.visitors();
            }

            @Override
            public Stream<Map<String, Object>> accounts() {
                return people.accounts();
            }

            @Override
            public List<Map<String, Object>> guides() {
                return catalog.guides();
            }

            @Override
            public boolean changed(String source) {
                return people.changed(source);
            }
        }, fastRollup), clock);
    }
}
