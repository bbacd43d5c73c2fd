package io.github.pendoclient.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles every {@code ```java} block of README.md and docs/*.md against the modules, so that a documented snippet
 * that stops compiling fails the build.
 *
 * <p>A snippet shows its imports. One whose first declaration is a class, or a public type, with or without modifiers
 * and annotations, is compiled as a source file; any other is a sequence of statements (local interfaces and records
 * included) and is compiled as the body of a method that may throw. Nothing is run.
 */
class DocumentationSnippetsTest {

    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "^(@\\w+(\\(.*\\))?\\s+)*((public|final|abstract|sealed|static)\\s+)*(class|interface|record|enum)\\s+(\\w+).*");

    /** One fenced Java block: where it stands and what it says. */
    record Snippet(String file, int line, String code) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) && Files.isDirectory(here.resolve("docs"))
                ? here
                : here.getParent();
    }

    static List<Snippet> snippets() {
        Path root = repositoryRoot();
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Snippet> found = new ArrayList<>();
        for (Path page : pages) {
            found.addAll(snippetsOf(root.relativize(page).toString(), read(page)));
        }
        return found;
    }

    static List<Snippet> snippetsOf(String file, List<String> lines) {
        List<Snippet> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```java")) {
                int start = i + 1;
                int end = start;
                while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                    end++;
                }
                found.add(new Snippet(file, start + 1, String.join("\n", lines.subList(start, end))));
                i = end;
            }
        }
        return found;
    }

    private static List<String> read(Path page) {
        try {
            return Files.readAllLines(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyPageOfTheManualIsSearched() {
        assertThat(snippets())
                .extracting(Snippet::file)
                .contains(
                        "README.md",
                        "docs/sdk.md",
                        "docs/aggregations.md",
                        "docs/track.md",
                        "docs/testing.md",
                        "docs/pendo-sync.md");
    }

    @Test
    void statementsAreCompiledInsideAMethodAndTypesAsAFile() {
        assertThat(compile(new Snippet("inline", 1, "import java.util.List;\nList<String> names = List.of(\"a\");")))
                .isEmpty();
        assertThat(compile(new Snippet("inline", 1, "public class Named {\n  int x;\n}")))
                .isEmpty();
        assertThat(compile(new Snippet("inline", 1, "int n = \"not a number\";")))
                .singleElement()
                .asString()
                .startsWith("inline:1:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void compiles(Snippet snippet) {
        assertThat(compile(snippet))
                .as("compiler errors of the snippet at %s", snippet)
                .isEmpty();
    }

    /** Compiles one snippet and returns its errors as {@code file:line: message}, with the page's line numbers. */
    static List<String> compile(Snippet snippet) {
        String[] lines = snippet.code().split("\n", -1);
        String firstDeclaration = Stream.of(lines)
                .filter(l -> !l.startsWith("import ") && !l.startsWith("package "))
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("//"))
                .findFirst()
                .orElse("");
        var matcher = TYPE_DECLARATION.matcher(firstDeclaration);
        // A class, or any public type, is a file; an interface, record or enum alone is local to the method.
        boolean isType =
                matcher.matches() && (matcher.group(5).equals("class") || firstDeclaration.contains("public "));
        String className = isType ? matcher.group(6) : "Snippet";
        // Every line keeps its number: imports stay where they stand, the wrapper opens on the first import-free line.
        StringBuilder source = new StringBuilder();
        boolean opened = isType;
        for (String line : lines) {
            if (line.startsWith("import ") || line.startsWith("package ")) {
                source.append(line).append('\n');
            } else if (!opened) {
                source.append("class Snippet { void snippet() throws Exception { ")
                        .append(line)
                        .append('\n');
                opened = true;
            } else {
                source.append(line).append('\n');
            }
        }
        if (!isType) {
            source.append("}}\n");
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path output =
                Path.of("target", "snippet-classes", snippet.file().replaceAll("\\W", "_") + "_" + snippet.line());
        try (StandardJavaFileManager files =
                compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(output);
            JavaFileObject unit =
                    new SimpleJavaFileObject(
                            URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return source;
                        }
                    };
            List<String> options =
                    List.of("-proc:none", "-Xlint:none", "-classpath", classPath(), "-d", output.toString());
            compiler.getTask(null, files, diagnostics, options, null, List.of(unit))
                    .call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> snippet.file() + ":" + (snippet.line() + d.getLineNumber() - 1) + ": "
                        + d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
