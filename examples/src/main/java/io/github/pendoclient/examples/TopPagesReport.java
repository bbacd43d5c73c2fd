package io.github.pendoclient.examples;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.Aggregation;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.AppIds;
import io.github.pendoclient.aggregation.Blacklist;
import io.github.pendoclient.aggregation.Expr;
import io.github.pendoclient.aggregation.Group;
import io.github.pendoclient.aggregation.Source;
import io.github.pendoclient.aggregation.TimeSeries;
import io.github.pendoclient.model.Page;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** An aggregation report: the top pages by page views over the last 30 days, printed as a table. */
public final class TopPagesReport {

    private TopPagesReport() {
    }

    /**
     * Runs the example.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        try (ExampleClients.Session session = ExampleClients.open(out)) {
            run(session.client(), out, 10);
        }
    }

    static Aggregation query(int limit) {
        return Aggregation.builder()
                .name("top-pages-30-days")
                .source(Source.pageEvents().appIds(AppIds.all()).blacklist(Blacklist.APPLY),
                        TimeSeries.days().first(Expr.now()).count(-30))
                .filter(Expr.field("visitorId").ne(""))
                .group(Group.by("pageId").sum("views", "numEvents").countDistinct("visitors", "visitorId"))
                .sort("-views")
                .limit(limit)
                .build();
    }

    static List<Map<String, Object>> run(PendoClient client, PrintWriter out, int limit) {
        Map<String, String> names = client.pages().list().stream()
                .collect(Collectors.toMap(Page::id, Page::name, (a, b) -> a));
        List<Map<String, Object>> rows;
        try (Stream<Map<String, Object>> stream = AggregationClient.create(client).stream(query(limit))) {
            rows = stream.toList();
        }
        out.printf("%-4s %-28s %10s %10s%n", "#", "page", "views", "visitors");
        int rank = 1;
        for (Map<String, Object> row : rows) {
            out.printf("%-4d %-28s %10s %,10d%n", rank++, names.getOrDefault((String) row.get("pageId"),
                    (String) row.get("pageId")), count((Number) row.get("views")), (Long) row.get("visitors"));
        }
        out.flush();
        return rows;
    }

    /**
     * A summed counter as printed: a whole number, or one decimal when the sum has a fraction in it (Pendo sends a
     * counter as a fraction now and then, and a sum that includes one is a JSON double).
     */
    private static String count(Number value) {
        double d = value.doubleValue();
        return d == Math.rint(d) ? String.format("%,d", (long) d) : String.format("%,.1f", d);
    }
}
