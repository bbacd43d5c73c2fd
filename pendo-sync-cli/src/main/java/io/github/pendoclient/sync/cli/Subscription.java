package io.github.pendoclient.sync.cli;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.Region;
import io.github.pendoclient.internal.Hosts;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ParameterException;

/**
 * The subscription a run talks to, as the environment names it: checks the integration key, the region and the
 * base URL before anything starts, and opens the client through {@link PendoClient#fromEnv(Map)}, so that the key is
 * read where the client reads it and held by nothing a {@code toString()} prints. Shared by pull and push.
 */
final class Subscription {

    private final Map<String, String> environment;
    private final Function<String, ParameterException> usage;

    Subscription(Map<String, String> environment, Function<String, ParameterException> usage) {
        this.environment = environment;
        this.usage = usage;
    }

    /** Whether no key is set, which makes the run the demo. */
    boolean demo() {
        return environment.get(PendoClient.ENV_INTEGRATION_KEY) == null;
    }

    /**
     * The key decides between a real run and the demo; an empty key, or a region or base URL without a key, names a
     * subscription that cannot be reached, and is refused rather than taken for the demo.
     *
     * @param demoRequested whether {@code --demo} was given
     * @param verb what the run does with a subscription, for messages ("sync", "push to")
     */
    void checkKeyEnvironment(boolean demoRequested, String verb) {
        String key = environment.get(PendoClient.ENV_INTEGRATION_KEY);
        if (key != null && key.isBlank()) {
            throw usage.apply(PendoClient.ENV_INTEGRATION_KEY + " is set but empty; set it to your integration key,"
                    + " or unset it to run the demo");
        }
        if (key == null) {
            for (String variable : List.of(PendoClient.ENV_BASE_URL, PendoClient.ENV_REGION)) {
                String value = environment.get(variable);
                if (value != null && !value.isBlank()) {
                    throw usage.apply(variable + " is set but " + PendoClient.ENV_INTEGRATION_KEY + " is not; set the"
                            + " key to " + verb + " your subscription, or unset " + variable + " to run the demo");
                }
            }
        } else if (demoRequested) {
            throw usage.apply("--demo runs the in-process demo, but " + PendoClient.ENV_INTEGRATION_KEY + " is set;"
                    + " drop --demo, or unset the key");
        }
    }

    /**
     * Checks the region ({@code --region} or {@code PENDO_REGION}) and {@code PENDO_BASE_URL} of a run with a key.
     *
     * @param region the {@code --region} option, or null
     */
    void checkRegionAndBaseUrl(String region) {
        Region chosenRegion = null;
        String regionName = region != null ? region : environment.get(PendoClient.ENV_REGION);
        if (regionName != null && !regionName.isBlank()) {
            try {
                chosenRegion = Region.parse(regionName);
            } catch (IllegalArgumentException e) {
                throw usage.apply((region != null ? "--region: " : "PENDO_REGION: ") + e.getMessage());
            }
        }
        String baseUrl = environment.get(PendoClient.ENV_BASE_URL);
        if (baseUrl != null && !baseUrl.isBlank()) {
            checkBaseUrl(baseUrl.trim(), environment.get(PendoClient.ENV_INTEGRATION_KEY), chosenRegion);
        }
    }

    /**
     * A base URL the client would refuse is refused here, before anything starts: the key is never sent in clear
     * text to a host that is not loopback.
     */
    private void checkBaseUrl(String baseUrl, String key, Region chosenRegion) {
        URI uri;
        try {
            uri = baseUrl.matches("https?://[^\\s/]+(/\\S*)?") ? new URI(baseUrl) : null;
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null) {
            throw usage.apply("PENDO_BASE_URL must be an http(s) URL, got '" + withoutUserInfo(baseUrl) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw usage.apply("PENDO_BASE_URL must not carry a user or password before '@' (the client does not send"
                    + " it, and it would be printed); remove it");
        }
        if (uri.getScheme().equalsIgnoreCase("http") && !Hosts.isLoopback(uri.getHost())) {
            throw usage.apply("PENDO_BASE_URL " + withoutUserInfo(baseUrl) + " is plain http to a host that is not"
                    + " loopback: the integration key would travel in clear text; use https");
        }
        PendoClient.Builder trial = PendoClient.builder().integrationKey(key);
        if (chosenRegion != null) {
            trial.region(chosenRegion);
        }
        try (PendoClient client = trial.baseUrl(baseUrl).build()) {
            client.baseUrl();
        } catch (IllegalArgumentException e) {
            throw usage.apply("PENDO_BASE_URL: " + PendoSyncCommand.oneLine(withoutUserInfo(e.getMessage())));
        }
    }

    /** A URL without the user and password some URLs carry before {@code @}. */
    static String withoutUserInfo(String url) {
        int start = url == null ? -1 : url.indexOf("//");
        if (start < 0) {
            return url;
        }
        int end = url.indexOf('/', start + 2);
        String authority = end < 0 ? url.substring(start + 2) : url.substring(start + 2, end);
        int at = authority.lastIndexOf('@');
        return at < 0
                ? url
                : url.substring(0, start + 2) + authority.substring(at + 1) + (end < 0 ? "" : url.substring(end));
    }

    /**
     * Opens the client as {@link PendoClient#fromEnv(Map)} reads the environment (already checked), with
     * {@code --region} in place of {@code PENDO_REGION}. A lambda over the environment, so that the key is held by
     * nothing a {@code toString()} prints.
     *
     * @param region the {@code --region} option, or null
     * @param applicationName the name the client reports in its user agent
     */
    PendoSyncCommand.ClientOpener opener(String region, String applicationName) {
        Map<String, String> variables = new HashMap<>(environment);
        if (region != null) {
            variables.put(PendoClient.ENV_REGION, region);
        }
        return () -> {
            try (PendoClient fromEnv = PendoClient.fromEnv(variables)) {
                return fromEnv.toBuilder().applicationName(applicationName).build();
            }
        };
    }
}
