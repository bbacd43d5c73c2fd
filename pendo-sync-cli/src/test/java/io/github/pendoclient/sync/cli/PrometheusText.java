package io.github.pendoclient.sync.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), as the node exporter's textfile
 * collector reads it: {@code # HELP} and {@code # TYPE} lines, then samples {@code name{label="value",...} value}.
 * It refuses what Prometheus refuses: a bad metric or label name, a bad escape, an unparsable value, a TYPE after
 * the family's samples, a family split in two, a sample line twice. (Neither prometheus-metrics-exposition-textformats
 * nor simpleclient ships a parser for this format, so the test carries its own.)
 */
final class PrometheusText {

    /** One sample. */
    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private PrometheusText() {}

    static List<Sample> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the text does not end with a line feed");
        }
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        Set<String> closedFamilies = new java.util.HashSet<>();
        String currentFamily = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    String name = requireName(parts[2], number);
                    if (parts[1].equals("TYPE")) {
                        if (parts.length != 4 || !TYPES.contains(parts[3])) {
                            throw error(number, "bad TYPE line: " + line);
                        }
                        if (types.put(name, parts[3]) != null
                                || seen.stream().anyMatch(s -> s.startsWith(name + "{") || s.equals(name))) {
                            throw error(number, "TYPE for " + name + " repeated or after its samples");
                        }
                    }
                }
                continue;
            }
            Sample sample = sample(line, number);
            if (!sample.name().equals(currentFamily)) {
                if (closedFamilies.contains(sample.name())) {
                    throw error(number, "the samples of " + sample.name() + " are not together");
                }
                if (currentFamily != null) {
                    closedFamilies.add(currentFamily);
                }
                currentFamily = sample.name();
            }
            String key = sample.name() + sample.labels();
            if (!seen.add(key)) {
                throw error(number, "sample repeated: " + key);
            }
            samples.add(sample);
        }
        return samples;
    }

    private static Sample sample(String line, int number) {
        Matcher name = NAME.matcher(line);
        if (!name.lookingAt()) {
            throw error(number, "no metric name: " + line);
        }
        int at = name.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at++;
            while (line.charAt(at) != '}') {
                Matcher label = LABEL_NAME.matcher(line).region(at, line.length());
                if (!label.lookingAt() || line.charAt(label.end()) != '=' || line.charAt(label.end() + 1) != '"') {
                    throw error(number, "bad label at column " + at + ": " + line);
                }
                StringBuilder value = new StringBuilder();
                int i = label.end() + 2;
                for (; line.charAt(i) != '"'; i++) {
                    char c = line.charAt(i);
                    if (c == '\\') {
                        char next = line.charAt(++i);
                        value.append(
                                switch (next) {
                                    case '\\' -> '\\';
                                    case '"' -> '"';
                                    case 'n' -> '\n';
                                    default -> throw error(number, "bad escape \\" + next);
                                });
                    } else {
                        value.append(c);
                    }
                }
                if (labels.put(label.group(), value.toString()) != null) {
                    throw error(number, "label repeated: " + label.group());
                }
                at = i + 1;
                if (line.charAt(at) == ',') {
                    at++;
                }
            }
            at++;
        }
        String[] rest = line.substring(at).trim().split(" ");
        if (line.charAt(at) != ' ' || rest.length < 1 || rest.length > 2) {
            throw error(number, "bad sample: " + line);
        }
        double value;
        try {
            value = switch (rest[0]) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> Double.parseDouble(rest[0]);
            };
            if (rest.length == 2) {
                Long.parseLong(rest[1]);
            }
        } catch (NumberFormatException e) {
            throw error(number, "bad value: " + line);
        }
        return new Sample(name.group(), labels, value);
    }

    private static String requireName(String name, int number) {
        if (!NAME.matcher(name).matches()) {
            throw error(number, "bad metric name " + name);
        }
        return name;
    }

    private static IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("line " + line + ": " + message);
    }
}
