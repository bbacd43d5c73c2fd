package io.github.pendoclient.testsupport;

import com.squareup.moshi.Json;
import io.github.pendoclient.json.UnknownFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates the type variants of the lenient-binding contract: for every record of a package and every declared
 * component, one JSON object per JSON type (string, number, fraction, boolean, object, array, null) in that member.
 */
public final class TypeVariants {

    /** One JSON value of each JSON type, as JSON text. */
    public static final List<String> VALUES =
            List.of("\"text\"", "\"42\"", "42", "2.5", "true", "{\"k\":\"v\"}", "[1,\"a\"]", "null");

    private TypeVariants() {}

    /**
     * One variant.
     *
     * @param type the record
     * @param member the JSON member name swapped
     * @param value the JSON text put there
     * @param json the whole object, with one undeclared member as well
     */
    public record Variant(Class<?> type, String member, String value, String json) {
        @Override
        public String toString() {
            return type.getSimpleName() + "." + member + "=" + value;
        }
    }

    /**
     * Every variant of every record in the package of {@code anchor}.
     *
     * @param anchor a class of the package
     * @return the variants
     */
    public static List<Variant> of(Class<?> anchor) {
        List<Variant> variants = new ArrayList<>();
        for (Class<?> type : recordsInPackageOf(anchor)) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(UnknownFields.class)) {
                    continue;
                }
                Json json = component.getAnnotation(Json.class);
                String member =
                        json != null && !Json.UNSET_NAME.equals(json.name()) ? json.name() : component.getName();
                for (String value : VALUES) {
                    variants.add(
                            new Variant(type, member, value, "{\"" + member + "\":" + value + ",\"notDeclared\":1}"));
                }
            }
        }
        return variants;
    }

    /**
     * The top-level records of the package of {@code anchor}, found on the class path (directory or jar).
     *
     * @param anchor a class of the package
     * @return the records, by name
     */
    public static List<Class<?>> recordsInPackageOf(Class<?> anchor) {
        String packagePath = anchor.getPackageName().replace('.', '/');
        URL location = anchor.getProtectionDomain().getCodeSource().getLocation();
        try {
            Path root = Path.of(location.toURI());
            if (Files.isDirectory(root)) {
                return recordsUnder(root.resolve(packagePath), anchor.getPackageName());
            }
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                return recordsUnder(jar.getPath(packagePath), anchor.getPackageName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> recordsUnder(Path directory, String packageName) throws IOException {
        List<Class<?>> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(packageName + "." + name.substring(0, name.length() - 6));
                    if (type.isRecord()) {
                        records.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return records;
    }

    /** Whether the parsed value put in a member is still there: through the accessor or in the unknown fields. */
    public static boolean reachable(Object bound, String member) {
        Map<String, Object> json = Map.of(member, "present");
        return FieldCoverage.lost(json, bound, "$").isEmpty();
    }
}
