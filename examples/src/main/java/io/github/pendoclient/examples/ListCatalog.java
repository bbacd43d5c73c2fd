package io.github.pendoclient.examples;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.model.Feature;
import io.github.pendoclient.model.Guide;
import io.github.pendoclient.model.Page;
import io.github.pendoclient.model.TrackType;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

/** Lists the catalog: pages, features, track types and guides of every app, with a count per kind. */
public final class ListCatalog {

    private ListCatalog() {}

    /**
     * Runs the example.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        try (ExampleClients.Session session = ExampleClients.open(out)) {
            run(session.client(), out);
        }
    }

    static void run(PendoClient client, PrintWriter out) {
        List<Page> pages = client.pages().list();
        List<Feature> features = client.features().list();
        List<TrackType> trackTypes = client.trackTypes().list();
        List<Guide> guides = client.guides().list();
        out.printf(
                "%d pages, %d features, %d track types, %d guides%n",
                pages.size(), features.size(), trackTypes.size(), guides.size());
        pages.stream()
                .sorted(Comparator.comparing(Page::name))
                .forEach(page -> out.printf("  page     %-28s app %d%n", page.name(), page.appId()));
        guides.stream()
                .sorted(Comparator.comparing(Guide::name))
                .forEach(guide -> out.printf(
                        "  guide    %-28s %s, %d steps%n",
                        guide.name(),
                        guide.state(),
                        guide.steps() == null ? 0 : guide.steps().size()));
        out.flush();
    }
}
