package io.github.pendoclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's packages form layers: no package depends, directly or through others, on a package that depends on it.
 * The arrows are read from the compiled classes' constant pools (every class, field and method type a class names,
 * generic signatures included; string constants left out), so an import, a fully qualified name or a lambda's type
 * all count.
 *
 * <p>Two arrows point back up and are allowed, because public signatures force them; each is listed with the reason.
 */
class PackageCyclesTest {

    private static final String ROOT = "io.github.pendoclient";

    /** Arrows that public signatures force, from package to package, with why. */
    private static final Map<String, String> ALLOWED = Map.of(
            ROOT + ".http -> " + ROOT,
            "ClientBuilder.region(Region) and regionBaseUrl(Region) name Region, and PendoClient.Builder extends"
                    + " ClientBuilder",
            ROOT + ".json -> " + ROOT + ".internal.json",
            "Binding.moshi() returns the Moshi built from the internal record adapters, which read the json"
                    + " package's annotations");

    private static final Pattern CORE_TYPE = Pattern.compile("io/github/pendoclient/((?:[a-z0-9_]+/)*)[A-Z]");

    @Test
    void noCycleBetweenCorePackages() throws IOException {
        Map<String, Map<String, String>> arrows = arrows();
        arrows.forEach((from, targets) -> targets.keySet().removeIf(to -> ALLOWED.containsKey(from + " -> " + to)));

        assertThat(cycle(arrows)).as("a cycle between core packages").isEmpty();
    }

    @Test
    void theScanSeesCoresArrowsAndEveryAllowedOneIsStillThere() throws IOException {
        Map<String, Map<String, String>> arrows = arrows();

        assertThat(arrows.get(ROOT)).containsKey(ROOT + ".internal.http");
        assertThat(arrows.get(ROOT + ".resource")).containsKey(ROOT + ".internal.http");
        for (String allowed : ALLOWED.keySet()) {
            String[] ends = allowed.split(" -> ");
            assertThat(arrows.get(ends[0]))
                    .as("no longer needed, remove it from ALLOWED: " + allowed)
                    .containsKey(ends[1]);
        }
    }

    @Test
    void aTwoWayArrowIsACycle() {
        Map<String, Map<String, String>> arrows = new TreeMap<>();
        arrows.put("a", new TreeMap<>(Map.of("b", "A1")));
        arrows.put("b", new TreeMap<>(Map.of("c", "B1")));
        arrows.put("c", new TreeMap<>(Map.of("a", "C1")));

        assertThat(cycle(arrows)).contains("a -> b (A1), b -> c (B1), c -> a (C1)");
    }

    /** Package to the packages its classes name, each with one class that names it. */
    private static Map<String, Map<String, String>> arrows() throws IOException {
        Path classes;
        try {
            classes = Path.of(PendoClient.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Map<String, String>> arrows = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (name.endsWith("module-info.class") || name.endsWith("package-info.class")) {
                    continue;
                }
                String from = packageOf(name);
                Map<String, String> targets = arrows.computeIfAbsent(from, k -> new TreeMap<>());
                try (InputStream in = Files.newInputStream(file)) {
                    for (String utf8 : namesIn(in)) {
                        Matcher type = CORE_TYPE.matcher(utf8);
                        while (type.find()) {
                            String to = ROOT + (type.group(1).isEmpty() ? "" : "." + trimSlash(type.group(1)));
                            if (!to.equals(from)) {
                                targets.putIfAbsent(
                                        to, name.replace(".class", "").replace('/', '.'));
                            }
                        }
                    }
                }
            }
        }
        return arrows;
    }

    private static String packageOf(String classFile) {
        return classFile.substring(0, classFile.lastIndexOf('/')).replace('/', '.');
    }

    private static String trimSlash(String path) {
        return path.substring(0, path.length() - 1).replace('/', '.');
    }

    /** The UTF-8 entries of a class file's constant pool, less those that are string constants. */
    private static Set<String> namesIn(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        Set<Integer> strings = new HashSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 8 -> strings.add(in.readUnsignedShort());
                case 7, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IllegalStateException("Unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i < count; i++) {
            if (utf8[i] != null && !strings.contains(i)) {
                names.add(utf8[i]);
            }
        }
        return names;
    }

    /** A cycle, as "a -> b (class), b -> a (class)", or empty when the arrows have none. */
    static Optional<String> cycle(Map<String, Map<String, String>> arrows) {
        Set<String> done = new HashSet<>();
        for (String start : new TreeSet<>(arrows.keySet())) {
            Optional<String> found = cycleFrom(start, arrows, new ArrayList<>(), done);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cycleFrom(
            String node, Map<String, Map<String, String>> arrows, List<String> path, Set<String> done) {
        int seen = path.indexOf(node);
        if (seen >= 0) {
            List<String> loop = new ArrayList<>(path.subList(seen, path.size()));
            loop.add(node);
            List<String> steps = new ArrayList<>();
            for (int i = 0; i + 1 < loop.size(); i++) {
                String from = loop.get(i);
                String to = loop.get(i + 1);
                steps.add(from + " -> " + to + " (" + arrows.get(from).get(to) + ")");
            }
            return Optional.of(String.join(", ", steps));
        }
        if (done.contains(node)) {
            return Optional.empty();
        }
        path.add(node);
        for (String next : arrows.getOrDefault(node, Map.of()).keySet()) {
            Optional<String> found = cycleFrom(next, arrows, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return Optional.empty();
    }
}
