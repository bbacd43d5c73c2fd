package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.Answer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The keys a fake accepts, and Pendo's answers to the ones it does not. Thread-safe. */
final class Keys {

    private volatile String integrationKey;
    private volatile String sharedSecret;
    private final Set<String> extraKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> otherRegionKeys = ConcurrentHashMap.newKeySet();

    Keys(String integrationKey, String sharedSecret) {
        this.integrationKey = integrationKey;
        this.sharedSecret = sharedSecret;
    }

    void integrationKey(String key) {
        this.integrationKey = key;
    }

    String integrationKey() {
        return integrationKey;
    }

    void sharedSecret(String secret) {
        this.sharedSecret = secret;
    }

    String sharedSecret() {
        return sharedSecret;
    }

    void accept(String key) {
        extraKeys.add(key);
    }

    void otherRegion(String key) {
        otherRegionKeys.add(key);
    }

    /** Null when the key opens the endpoint, else the 401 answer. */
    Answer check(Endpoint endpoint, String key) {
        if (endpoint.usesSharedSecret()) {
            return sharedSecret.equals(key) ? null : Answer.error(401, "The track event shared secret is missing"
                    + " or wrong");
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
