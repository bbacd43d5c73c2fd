package io.github.pendoclient.benchmarks;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import okio.BufferedSink;
import okio.Okio;

/**
 * Writes an aggregation response of visitors with realistic metadata (the groups and field names of the reference's
 * §7.5 sample: agent, auto, auto__appId, custom, salesforce), deterministic for a seed.
 */
final class VisitorsFile {

    private static final String[] BROWSERS = {"Chrome", "Firefox", "Safari", "Edge"};
    private static final String[] SYSTEMS = {"Mac OS X", "Windows", "Linux", "iOS", "Android"};
    private static final String[] ROLES = {"admin", "member", "viewer", "billing"};
    private static final String[] TIERS = {"free", "team", "business", "enterprise"};

    private VisitorsFile() {}

    /** Writes the file unless one with this name exists; returns its path. */
    static Path ensure(Path directory, int rows, long seed) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("visitors-" + rows + "-" + seed + ".json");
        if (Files.exists(file)) {
            return file;
        }
        Path partial = directory.resolve(file.getFileName() + ".partial");
        Random random = new Random(seed);
        try (BufferedSink sink = Okio.buffer(Okio.sink(partial));
                JsonWriter writer = JsonWriter.of(sink)) {
            writer.beginObject()
                    .name("startTime")
                    .value(1_795_000_000_000L)
                    .name("results")
                    .beginArray();
            for (int i = 0; i < rows; i++) {
                writeVisitor(writer, i, random);
            }
            writer.endArray().endObject();
        }
        Files.move(partial, file);
        return file;
    }

    private static void writeVisitor(JsonWriter writer, int i, Random random) throws IOException {
        boolean anonymous = i % 10 == 9;
        String id = anonymous ? "_PENDO_T_" + Long.toHexString(random.nextLong()) : String.format("v-%08d", i);
        String account = "acct-" + (i % 5000);
        long firstVisit = 1_690_000_000_000L + random.nextInt(1_000_000_000);
        long lastVisit = firstVisit + random.nextInt(900_000_000);
        writer.beginObject().name("visitorId").value(id).name("metadata").beginObject();
        if (!anonymous) {
            writer.name("agent")
                    .beginObject()
                    .name("email")
                    .value("user" + i + "@example.com")
                    .name("name")
                    .value("User " + i)
                    .name("role")
                    .value(ROLES[random.nextInt(ROLES.length)])
                    .name("accountid")
                    .value(account)
                    .endObject();
        }
        writer.name("auto")
                .beginObject()
                .name("accountid")
                .value(anonymous ? "" : account)
                .name("firstvisit")
                .value(firstVisit)
                .name("lastvisit")
                .value(lastVisit)
                .name("lastupdated")
                .value(lastVisit + random.nextInt(1000))
                .name("lastbrowsername")
                .value(BROWSERS[random.nextInt(BROWSERS.length)])
                .name("lastbrowserversion")
                .value(String.valueOf(100 + random.nextInt(40)))
                .name("lastoperatingsystem")
                .value(SYSTEMS[random.nextInt(SYSTEMS.length)])
                .name("lastservername")
                .value("app.example.com")
                .name("idhash")
                .value(random.nextInt(Integer.MAX_VALUE))
                .endObject();
        writer.name("auto__323232")
                .beginObject()
                .name("lastvisit")
                .value(lastVisit)
                .name("lastupdated")
                .value(lastVisit)
                .endObject();
        if (!anonymous) {
            writer.name("custom")
                    .beginObject()
                    .name("plan_tier")
                    .value(TIERS[random.nextInt(TIERS.length)])
                    .name("seats")
                    .value(1 + random.nextInt(500))
                    .name("beta_opt_in")
                    .value(random.nextBoolean())
                    .endObject();
            writer.name("salesforce")
                    .beginObject()
                    .name("contact_id")
                    .value("003" + Long.toString(Math.abs(random.nextLong()), 36))
                    .endObject();
        }
        writer.endObject().endObject();
    }
}
