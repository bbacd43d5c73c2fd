package io.github.pendoclient.aggregation;

import io.github.pendoclient.testing.internal.AggregationEngine;
import java.util.List;
import java.util.Map;

/** Opens {@link EngineServer} to the tests of other packages. */
public final class EngineServerAccess implements AutoCloseable {

    private final EngineServer server;

    private EngineServerAccess(EngineServer server) {
        this.server = server;
    }

    public static EngineServerAccess of(String source, List<Map<String, Object>> rows) {
        return new EngineServerAccess(EngineServer.of(source, rows));
    }

    public static EngineServerAccess of(AggregationEngine.Sources sources) {
        return new EngineServerAccess(new EngineServer(sources));
    }

    public AggregationClient aggregations() {
        return server.aggregations;
    }

    public int requests() {
        return server.bodies.size();
    }

    public List<List<Object>> pipelines() {
        return server.pipelines();
    }

    @Override
    public void close() {
        server.close();
    }
}
