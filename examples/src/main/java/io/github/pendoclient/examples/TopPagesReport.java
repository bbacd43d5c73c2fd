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

    private TopPagesReport() {}

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
                .source(
                        Source.pageEvents().appIds(AppIds.all()).blacklist(Blacklist.APPLY),
                        TimeSeries.days().first(Expr.now()).count(-30))
                .filter(Expr.field("visitorId").ne(""))
                .group(Group.by("pageId").sum("views", "numEvents").countDistinct("visitors", "visitorId"))
                .sort("-views")
                .limit(limit)
                .build();
    }

    /**
     * Prints the report. Views are rounded to whole page views: Pendo sends a counter as a fraction now and then, and
     * a sum that includes one has a fraction that is no view count.
     */
    static List<Map<String, Object>> run(PendoClient client, PrintWriter out, int limit) {
        Map<String, String> names = client.pages().list().stream() // two apps may share a name
                .collect(Collectors.toMap(Page::id, page -> page.name() + " (app " + page.appId() + ")", (a, b) -> a));
        List<Map<String, Object>> rows;
        try (Stream<Map<String, Object>> stream = AggregationClient.create(client).stream(query(limit))) {
            rows = stream.toList();
        }
        out.printf("%-4s %-40s %10s %10s%n", "#", "page", "views", "visitors");
        int rank = 1;
        for (Map<String, Object> row : rows) {
            out.printf(
                    "%-4d %-40s %,10d %,10d%n",
                    rank++,
                    names.getOrDefault((String) row.get("pageId"), (String) row.get("pageId")),
                    Math.round(((Number) row.get("views")).doubleValue()),
                    (Long) row.get("visitors"));
        }
        out.flush();
        return rows;
    }
}
