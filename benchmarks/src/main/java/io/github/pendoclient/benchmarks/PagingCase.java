package io.github.pendoclient.benchmarks;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.aggregation.paging.Keyset;
import io.github.pendoclient.aggregation.paging.KeysetPaging;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Paging cost: keyset-paged visitors, 5,000 per page, against one streamed request for the same rows. */
final class PagingCase {

    private PagingCase() {}

    static String run(int visitors, int repetitions) {
        List<Double> streamed = new ArrayList<>();
        List<Double> paged = new ArrayList<>();
        long pages = 0;
        try (FakePendo fake = FakePendo.builder()
                .dataset(Dataset.generator(42).visitors(visitors).days(0).build())
                .build()
                .start()) {
            PendoClient client = fake.client();
            AggregationClient aggregations = AggregationClient.create(client);
            for (int rep = -1; rep < repetitions; rep++) {
                long start = System.nanoTime();
                long rows = aggregations.stream(Queries.allVisitors()).count();
                double one = rows / ((System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                var pager = KeysetPaging.of(Keyset.of("visitorId"))
                        .withPageSize(5_000)
                        .pager(aggregations, Queries.allVisitors());
                long pagedRows = pager.stream().count();
                double many = pagedRows / ((System.nanoTime() - start) / 1e9);
                if (pagedRows != rows) {
                    throw new IllegalStateException("Paging returned " + pagedRows + " rows, streaming " + rows);
                }
                pages = pager.progress().requests();
                if (rep >= 0) {
                    streamed.add(one);
                    paged.add(many);
                }
            }
        }
        double s = median(streamed);
        double p = median(paged);
        return String.format(
                Locale.ROOT,
                "%,d visitors from `FakePendo` in the same JVM; %d runs after a warm-up."
                        + "%n%n| case | requests | rows/s (median) | vs one request |%n|---|---|---|---|%n"
                        + "| one streamed request | 1 | %,.0f | 1.00 |%n"
                        + "| keyset pages of 5,000 | %d | %,.0f | %.2f |%n%nRun on %s, %s %s, %d cores.%n",
                visitors,
                repetitions,
                s,
                pages,
                p,
                p / s,
                LocalDate.now(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
