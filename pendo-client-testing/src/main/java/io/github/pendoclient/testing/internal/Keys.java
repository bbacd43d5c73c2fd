package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.Endpoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The keys a fake accepts, and Pendo's answers to the ones it does not. Thread-safe. */
public final class Keys {

    private volatile String integrationKey;
    private volatile String sharedSecret;
    private final Set<String> extraKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> otherRegionKeys = ConcurrentHashMap.newKeySet();

    public Keys(String integrationKey, String sharedSecret) {
        this.integrationKey = integrationKey;
        this.sharedSecret = sharedSecret;
    }

    public void integrationKey(String key) {
        this.integrationKey = key;
    }

    public String integrationKey() {
        return integrationKey;
    }

    public void sharedSecret(String secret) {
        this.sharedSecret = secret;
    }

    public String sharedSecret() {
        return sharedSecret;
    }

    public void accept(String key) {
        extraKeys.add(key);
    }

    public void otherRegion(String key) {
        otherRegionKeys.add(key);
    }

    /** Null when the key opens the endpoint, else the 401 answer. */
    public Answer check(Endpoint endpoint, String key) {
        if (endpoint.usesSharedSecret()) {
            return sharedSecret.equals(key)
                    ? null
                    : Answer.error(401, "The track event shared secret is missing" + " or wrong");
        }
        if (key == null || key.isEmpty()) {
            return Answer.error(401, "Missing x-pendo-integration-key header");
        }
        if (otherRegionKeys.contains(key)) {
            return Answer.error(401, "Invalid integration key: it belongs to a subscription in another region");
        }
        if (!key.equals(integrationKey) && !extraKeys.contains(key)) {
            return Answer.error(401, "Invalid integration key");
        }
        return null;
    }
}
