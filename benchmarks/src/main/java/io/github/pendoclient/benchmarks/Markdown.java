package io.github.pendoclient.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Replaces the generated part of one section of BENCHMARKS.md, between its markers. */
final class Markdown {

    private Markdown() {}

    static void replaceSection(Path file, String name, String content) throws IOException {
        String start = "<!-- generated:" + name + " -->";
        String end = "<!-- /generated:" + name + " -->";
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(file + " has no section markers " + start + " ... " + end);
        }
        String updated = text.substring(0, from + start.length()) + "\n" + content.strip() + "\n" + text.substring(to);
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
