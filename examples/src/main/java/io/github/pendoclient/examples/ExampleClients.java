package io.github.pendoclient.examples;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.io.PrintWriter;

/**
 * How the examples get a client: from the environment ({@code PENDO_INTEGRATION_KEY}, {@code PENDO_REGION}) when a
 * key is set, otherwise from an embedded {@link FakePendo} with a small generated dataset, so every example runs
 * anywhere.
 */
final class ExampleClients {

    private ExampleClients() {}

    /** A client and, in demo mode, the fake behind it; close both with this object. */
    record Session(PendoClient client, FakePendo fake) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            if (fake != null) {
                fake.close();
            }
        }
    }

    static Session open(PrintWriter out) {
        String key = System.getenv(PendoClient.ENV_INTEGRATION_KEY);
        if (key != null && !key.isBlank()) {
            return new Session(PendoClient.fromEnv(), null);
        }
        out.println("No PENDO_INTEGRATION_KEY set: using an embedded FakePendo with demo data.");
        FakePendo fake = FakePendo.builder()
                .dataset(Dataset.generated(42, 2_000))
                .build()
                .start();
        return new Session(fake.clientBuilder().build(), fake);
    }
}
