package io.github.pendoclient.resource;

import io.github.pendoclient.api.FeatureApi;
import io.github.pendoclient.api.PageApi;
import io.github.pendoclient.api.TrackTypeApi;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.model.Feature;
import io.github.pendoclient.model.Page;
import io.github.pendoclient.model.PendoObject;
import io.github.pendoclient.model.TrackType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import retrofit2.Call;

/**
 * A catalog of features, pages, guides or track types. Lists cover every app by default ({@code expand=*}); objects
 * are fetched by id with {@code ?id=}, the form Pendo documents.
 *
 * @param <T> the model type
 */
public class CatalogResource<T extends PendoObject> extends Resource {

    private final Function<Map<String, String>, Call<List<T>>> lister;
    private final String path;
    private final String noun;
    private final Function<T, String> idOf;

    /** Features on a stack, built by {@link Resources} for {@code PendoClient}. */
    static CatalogResource<Feature> features(PendoHttp http) {
        return new CatalogResource<>(
                http, http.create(FeatureApi.class)::list, "api/v1/feature", "feature", Feature::id);
    }

    /** Pages on a stack, built by {@link Resources} for {@code PendoClient}. */
    static CatalogResource<Page> pages(PendoHttp http) {
        return new CatalogResource<>(http, http.create(PageApi.class)::list, "api/v1/page", "page", Page::id);
    }

    /** Track types on a stack, built by {@link Resources} for {@code PendoClient}. */
    static CatalogResource<TrackType> trackTypes(PendoHttp http) {
        return new CatalogResource<>(
                http, http.create(TrackTypeApi.class)::list, "api/v1/tracktype", "track type", TrackType::id);
    }

    CatalogResource(
            PendoHttp http,
            Function<Map<String, String>, Call<List<T>>> lister,
            String path,
            String noun,
            Function<T, String> idOf) {
        super(http);
        this.lister = lister;
        this.path = path;
        this.noun = noun;
        this.idOf = idOf;
    }

    /**
     * Every object of every app.
     *
     * @return the objects
     */
    public List<T> list() {
        return list(ListOptions.allApps());
    }

    /**
     * {@link #list()} without blocking.
     *
     * @return a future of the objects
     */
    public CompletableFuture<List<T>> listAsync() {
        return listAsync(ListOptions.allApps());
    }

    /**
     * Objects selected by the options.
     *
     * @param options the options
     * @return the objects
     */
    public List<T> list(ListOptions options) {
        return http.execute(
                lister.apply(encoded(Objects.requireNonNull(options, "options").query())));
    }

    /**
     * {@link #list(ListOptions)} without blocking.
     *
     * @param options the options
     * @return a future of the objects
     */
    public CompletableFuture<List<T>> listAsync(ListOptions options) {
        return async(() -> http.executeAsync(
                lister.apply(encoded(Objects.requireNonNull(options, "options").query()))));
    }

    /**
     * One object by id, from any app.
     *
     * @param id the id
     * @return the object
     * @throws NotFoundException if Pendo has no object with that id
     */
    public T get(String id) {
        requireId(id, noun + " id");
        List<T> found = http.execute(lister.apply(byIds(List.of(id))));
        return single(id, found);
    }

    /**
     * {@link #get(String)} without blocking.
     *
     * @param id the id
     * @return a future of the object, failed with {@link NotFoundException} if unknown
     */
    public CompletableFuture<T> getAsync(String id) {
        return async(() -> http.executeAsync(lister.apply(byIds(List.of(requireId(id, noun + " id")))))
                .thenApply(found -> single(id, found)));
    }

    private T single(String id, List<T> found) {
        if (found == null || found.isEmpty()) {
            throw notFound("GET", "/" + path + "?id=" + id, "No " + noun + " with id '" + id + "'.");
        }
        return found.get(0);
    }

    /**
     * Several objects by id in one call. Pendo fails the whole call when one id is unknown; this method then finds
     * out which, and throws a {@link NotFoundException} naming them. Use {@link #getAllFound(Collection)} to get the
     * known ones instead. Because it may make many calls it has no async twin.
     *
     * @param ids the ids
     * @return the objects, in Pendo's order
     * @throws NotFoundException naming every unknown id
     */
    public List<T> getAll(Collection<String> ids) {
        Map<String, T> found = fetch(ids);
        Set<String> missing = new LinkedHashSet<>(ids);
        missing.removeAll(found.keySet());
        if (!missing.isEmpty()) {
            throw notFound(
                    "GET",
                    "/" + path + "?id=...",
                    "Unknown " + noun + " ids: " + missing
                            + ". Pendo fails a multi-id request when one id is unknown; getAllFound returns the others.");
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Several objects by id, skipping unknown ids. One call when every id is known; otherwise one call per id.
     * Because it may make many calls it has no async twin; run it on your own executor if you need one.
     *
     * @param ids the ids
     * @return the known objects
     */
    public List<T> getAllFound(Collection<String> ids) {
        return new ArrayList<>(fetch(ids).values());
    }

    private Map<String, T> fetch(Collection<String> ids) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
        unique.forEach(id -> requireId(id, noun + " id"));
        Map<String, T> byId = new LinkedHashMap<>();
        if (unique.isEmpty()) {
            return byId;
        }
        try {
            for (T item : http.execute(lister.apply(byIds(unique)))) {
                byId.put(idOf.apply(item), item);
            }
            return byId;
        } catch (NotFoundException | InvalidRequestException oneUnknown) {
            for (String id : unique) {
                try {
                    List<T> one = http.execute(lister.apply(byIds(List.of(id))));
                    if (one != null && !one.isEmpty()) {
                        byId.put(id, one.get(0));
                    }
                } catch (NotFoundException | InvalidRequestException unknown) {
                    // This id is the unknown one (or one of them).
                }
            }
            return byId;
        }
    }

    private static Map<String, String> byIds(List<String> ids) {
        Map<String, String> query = encoded(ListOptions.allApps().query());
        StringBuilder joined = new StringBuilder();
        for (String id : ids) {
            joined.append(joined.length() == 0 ? "" : ",").append(encode(id));
        }
        query.put("id", joined.toString());
        return query;
    }

    private static Map<String, String> encoded(Map<String, String> query) {
        Map<String, String> result = new LinkedHashMap<>();
        query.forEach((name, value) -> result.put(encode(name), "*".equals(value) ? value : encode(value)));
        return result;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
