package io.github.pendoclient.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.Aggregation;
import io.github.pendoclient.aggregation.Pipeline;
import io.github.pendoclient.aggregation.Source;
import io.github.pendoclient.aggregation.TimeSeries;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.http.TimeoutOptions;
import io.github.pendoclient.resource.BulkUpdateOptions;
import io.github.pendoclient.resource.ListOptions;
import io.github.pendoclient.sync.SyncEngine;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.sync.SyncState;
import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.sync.push.OnMissing;
import io.github.pendoclient.sync.push.PushEngine;
import io.github.pendoclient.sync.push.PushEventOptions;
import io.github.pendoclient.sync.push.PushKind;
import io.github.pendoclient.sync.sink.DiscardSink;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.track.Context;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.TrackSenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The builder convention of CONTRIBUTING.md, over every published module: each public type outside {@code internal}
 * packages that has a static {@code builder()} has an instance {@code toBuilder()} returning the same builder, and
 * {@code x.toBuilder().build()} is a copy of {@code x}. The types are found by scanning the modules' compiled
 * classes, so a new type with a builder fails here until it has {@code toBuilder()} and a sample below.
 */
class BuilderConventionTest {

    /** One class of each published module: the scan covers the jar or class directory each comes from. */
    private static final List<Class<?>> MODULES =
            List.of(PendoClient.class, Aggregation.class, TrackClient.class, FakePendo.class, SyncEngine.class);

    @TempDir
    static Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : opened) {
            resource.close();
        }
    }

    /** A sample per type, with settings that differ from the defaults where there are any. */
    private Map<Class<?>, Supplier<Object>> samples() {
        return Map.ofEntries(
                Map.entry(
                        PendoClient.class,
                        () -> open(PendoClient.builder()
                                .integrationKey("test-integration-key")
                                .baseUrl("http://127.0.0.1:1/")
                                .allowInsecureHttp(true)
                                .build())),
                Map.entry(
                        TrackClient.class,
                        () -> open(TrackClient.builder()
                                .sharedSecret("test-shared-secret")
                                .baseUrl("http://127.0.0.1:1/")
                                .allowInsecureHttp(true)
                                .build())),
                Map.entry(
                        RetryOptions.class,
                        () -> RetryOptions.builder()
                                .maxAttempts(7)
                                .jitter(0)
                                .initialBackoff(Duration.ofMillis(3))
                                .build()),
                Map.entry(
                        RateLimitOptions.class,
                        () -> RateLimitOptions.builder()
                                .perSecond(3)
                                .endpointLimit("POST api/v1/aggregation", 1)
                                .build()),
                Map.entry(
                        TimeoutOptions.class,
                        () -> TimeoutOptions.builder()
                                .connect(Duration.ofSeconds(2))
                                .read(Duration.ofSeconds(9))
                                .build()),
                Map.entry(
                        ListOptions.class,
                        () -> ListOptions.builder()
                                .appId(7)
                                .parameter("state", "public")
                                .build()),
                Map.entry(
                        BulkUpdateOptions.class,
                        () -> BulkUpdateOptions.builder()
                                .chunkSize(3)
                                .create(true)
                                .validateTypes(true)
                                .build()),
                Map.entry(
                        Aggregation.class,
                        () -> Aggregation.builder()
                                .source(Source.accounts())
                                .sort("accountId")
                                .limit(5)
                                .name("sample")
                                .build()),
                Map.entry(
                        Pipeline.class,
                        () -> Pipeline.builder()
                                .source(
                                        Source.events(),
                                        TimeSeries.days().first(Instant.EPOCH).count(2))
                                .limit(5)
                                .build()),
                Map.entry(
                        TrackEvent.class,
                        () -> TrackEvent.builder()
                                .event("signed-up")
                                .visitorId("v1")
                                .accountId("a1")
                                .timestamp(Instant.EPOCH)
                                .property("plan", "pro")
                                .context(Context.builder().ip("127.0.0.1").build())
                                .build()),
                Map.entry(
                        TrackSenderOptions.class,
                        () -> TrackSenderOptions.builder()
                                .queueCapacity(9)
                                .concurrency(2)
                                .maxAttempts(2)
                                .build()),
                Map.entry(
                        Context.class,
                        () -> Context.builder()
                                .ip("127.0.0.1")
                                .userAgent("agent")
                                .url("http://x/")
                                .title("Home")
                                .build()),
                Map.entry(TableRegistry.class, TableRegistry::standard),
                Map.entry(
                        SyncOptions.class,
                        () -> SyncOptions.builder()
                                .appIds(List.of(1L, 2L))
                                .windowSize(3)
                                .lag(Duration.ofMinutes(5))
                                .pageSize(10)
                                .build()),
                Map.entry(
                        SyncEngine.class,
                        () -> SyncEngine.builder()
                                .client((PendoClient)
                                        samples().get(PendoClient.class).get())
                                .sink(new DiscardSink())
                                .state(syncState())
                                .settings(SyncOptions.builder().windowSize(2).build())
                                .build()),
                Map.entry(
                        PushEventOptions.class,
                        () -> PushEventOptions.builder()
                                .name("Signed Up")
                                .visitorIdColumn("visitor")
                                .accountIdColumn("account")
                                .timestampColumn("at")
                                .uniqueKeyColumn("key")
                                .propertyColumns(List.of("plan"))
                                .build()),
                Map.entry(
                        PushEngine.class,
                        () -> PushEngine.builder()
                                .client((PendoClient)
                                        samples().get(PendoClient.class).get())
                                .kind(PushKind.ACCOUNT)
                                .group("agent")
                                .idColumn("account_id")
                                .map("plan", "planlevel")
                                .createMissing(true)
                                .onMissing(OnMissing.CLEAR)
                                .stateFile(dir.resolve("push.state"))
                                .batchSize(7)
                                .build()),
                Map.entry(
                        Dataset.class,
                        () -> Dataset.builder()
                                .visitor("v1", Map.of())
                                .segment("s1", "Beta")
                                .build()),
                Map.entry(
                        FakePendo.class,
                        () -> open(FakePendo.builder()
                                .integrationKey("test-integration-key")
                                .build())));
    }

    static Stream<Class<?>> typesWithBuilder() {
        Set<String> names = new TreeSet<>();
        for (Class<?> module : MODULES) {
            names.addAll(publicTypeNames(module));
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            Class<?> type = load(name);
            if (Modifier.isPublic(type.getModifiers()) && staticBuilder(type) != null) {
                types.add(type);
            }
        }
        return types.stream();
    }

    @Test
    void theScanFindsTheBuildersOfEveryModule() {
        assertThat(typesWithBuilder().map(Class::getSimpleName))
                .contains(
                        "PendoClient",
                        "RetryOptions",
                        "Aggregation",
                        "Pipeline",
                        "TrackClient",
                        "Context",
                        "SyncEngine",
                        "SyncOptions",
                        "Dataset",
                        "FakePendo")
                .doesNotContain("HttpOptions");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typesWithBuilder")
    void toBuilderReturnsTheBuilderAndRoundTrips(Class<?> type) throws Exception {
        Method builder = staticBuilder(type);
        Method toBuilder = publicMethod(type, "toBuilder");
        assertThat(toBuilder)
                .as(type.getName() + " has builder() but no toBuilder()")
                .isNotNull();
        assertThat(Modifier.isStatic(toBuilder.getModifiers()))
                .as("toBuilder() is an instance method")
                .isFalse();
        assertThat(toBuilder.getReturnType())
                .as("toBuilder() returns what builder() returns")
                .isEqualTo(builder.getReturnType());
        Supplier<Object> sample = samples().get(type);
        assertThat(sample)
                .as("add a sample of " + type.getName() + " to samples()")
                .isNotNull();

        Object original = sample.get();
        Object copyBuilder = toBuilder.invoke(original);
        Object copy = publicMethod(copyBuilder.getClass(), "build").invoke(copyBuilder);
        if (copy instanceof AutoCloseable closeable) {
            opened.add(closeable);
        }

        assertThat(copy).isNotSameAs(original).isInstanceOf(type);
        if (original instanceof AutoCloseable) {
            // A client or server: its own stack is new, so compare what it says about its settings.
            assertThat(copy).hasToString(original.toString());
        } else if (declares(type, "equals", Object.class)) {
            assertThat(copy).isEqualTo(original);
        } else {
            assertThat(fields(copy)).isEqualTo(fields(original));
        }
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }

    private static SyncState syncState() {
        try {
            return SyncState.load(dir.resolve("state.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Method staticBuilder(Class<?> type) {
        Method builder = publicMethod(type, "builder");
        return builder != null && Modifier.isStatic(builder.getModifiers()) ? builder : null;
    }

    private static Method publicMethod(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException none) {
            return null;
        }
    }

    private static boolean declares(Class<?> type, String name, Class<?>... parameters) {
        try {
            type.getDeclaredMethod(name, parameters);
            return true;
        } catch (NoSuchMethodException none) {
            return false;
        }
    }

    /** Every instance field, by name, of the type and its superclasses: the settings of a type without equals. */
    private static Map<String, Object> fields(Object value) throws IllegalAccessException {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    fields.put(type.getSimpleName() + "." + field.getName(), field.get(value));
                }
            }
        }
        assertThat(fields).as("fields of " + value.getClass()).isNotEmpty();
        fields.replaceAll((name, field) -> Objects.requireNonNullElse(field, "null"));
        return fields;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, BuilderConventionTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class names, outside internal packages, of the jar or class directory that holds {@code module}. */
    private static List<String> publicTypeNames(Class<?> module) {
        Path location;
        try {
            location = Path.of(
                    module.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isDirectory(location)) {
            return classNames(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + location.toUri()), Map.of())) {
            return classNames(jar.getPath("/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> classNames(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<String> names = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f)
                            .toString()
                            .replace(f.getFileSystem().getSeparator(), "."))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .filter(name -> !name.equals("module-info") && !name.endsWith("package-info"))
                    .filter(name -> !name.contains(".internal.") && !name.startsWith("META-INF"))
                    .toList();
            assertThat(names).as("classes under " + root).isNotEmpty();
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
