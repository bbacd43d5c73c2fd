package io.github.pendoclient.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone server's command line, read without a library: {@code --name value} and {@code --name=value},
 * repeatable options, {@code -h}/{@code --help} and {@code -V}/{@code --version}, and a usage text. Refusals are
 * {@link IllegalArgumentException}s with picocli's wording, which the server's users and tests already know.
 */
public final class CommandLineOptions {

    /**
     * An option that takes a value, or a flag that takes none.
     *
     * @param name the name, with its dashes
     * @param label what the usage text shows for the value; null for a flag
     * @param description the description, defaults included
     * @param repeatable whether it may be given more than once
     */
    public record Option(String name, String label, String description, boolean repeatable) {}

    /** What the command line asked for beyond its options. */
    public enum Request {
        /** Run with the options. */
        RUN,
        /** Print the usage text. */
        HELP,
        /** Print the version. */
        VERSION
    }

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, Option> options = new LinkedHashMap<>();
    private Request request = Request.RUN;

    private CommandLineOptions(List<Option> declared) {
        declared.forEach(option -> options.put(option.name(), option));
    }

    /**
     * Reads a command line.
     *
     * @param declared the options it may have
     * @param args the arguments
     * @return the values
     * @throws IllegalArgumentException for an unknown option, a stray argument, a missing value or a repeated one
     */
    public static CommandLineOptions parse(List<Option> declared, String... args) {
        CommandLineOptions parsed = new CommandLineOptions(declared);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> parsed.request = Request.HELP;
                case "-V", "--version" -> {
                    if (parsed.request != Request.HELP) {
                        parsed.request = Request.VERSION;
                    }
                }
                default -> {
                    int equals = arg.indexOf('=');
                    String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
                    Option option = parsed.options.get(name);
                    if (option == null) {
                        if (arg.startsWith("-") || !unknown.isEmpty()) {
                            unknown.add(arg);
                            continue;
                        }
                        throw new IllegalArgumentException("Unmatched argument at index " + i + ": '" + arg + "'");
                    }
                    String value;
                    if (option.label() == null) {
                        if (name.length() < arg.length()) {
                            throw new IllegalArgumentException("option '" + name + "' takes no value");
                        }
                        value = "true";
                    } else if (name.length() < arg.length()) {
                        value = arg.substring(equals + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException(
                                "Missing required parameter for option '" + name + "' (" + option.label() + ")");
                    }
                    List<String> given = parsed.values.computeIfAbsent(name, n -> new ArrayList<>());
                    if (!given.isEmpty() && !option.repeatable()) {
                        throw new IllegalArgumentException(
                                "option '" + name + "' (" + option.label() + ") should be specified only once");
                    }
                    given.add(value);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException((unknown.size() == 1 ? "Unknown option: " : "Unknown options: ")
                    + String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList()));
        }
        return parsed;
    }

    /** {@return what the command line asked for: to run, or help, or the version} */
    public Request request() {
        return request;
    }

    /** {@return every value given to an option, in order; empty when it was not given} */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** {@return whether a flag was given} */
    public boolean flag(String name) {
        return !all(name).isEmpty();
    }

    /** {@return the value given to an option, if it was} */
    public Optional<String> value(String name) {
        List<String> given = all(name);
        return given.isEmpty() ? Optional.empty() : Optional.of(given.get(given.size() - 1));
    }

    /** {@return an option's whole number, or the default when it was not given} */
    public long longValue(String name, long otherwise) {
        String text = value(name).orElse(null);
        if (text == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, text, "a whole number");
        }
    }

    /** {@return an option's whole number that fits an {@code int}, or the default when it was not given} */
    public int intValue(String name, int otherwise) {
        long value = longValue(name, otherwise);
        if (value != (int) value) {
            throw invalid(name, value(name).orElse(""), "an int");
        }
        return (int) value;
    }

    /** {@return an option's number, or the default when it was not given} */
    public double doubleValue(String name, double otherwise) {
        String text = value(name).orElse(null);
        if (text == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(name, text, "a number");
        }
    }

    private static IllegalArgumentException invalid(String name, String text, String what) {
        return new IllegalArgumentException("Invalid value for option '" + name + "': '" + text + "' is not " + what);
    }

    /**
     * The usage text: the synopsis, the description, and each option with its description on one line.
     *
     * @param command the command's name
     * @param description what it does
     * @param declared its options
     * @return the text, ending with a line break
     */
    public static String usage(String command, String description, List<Option> declared) {
        StringBuilder text = new StringBuilder("Usage: ")
                .append(command)
                .append(" [OPTIONS]\n")
                .append(description)
                .append('\n');
        for (Option option : declared) {
            String label = option.label() == null ? "" : "=" + option.label();
            line(text, "      " + option.name() + label, option.description());
        }
        line(text, "  -h, --help", "Show this help message and exit.");
        line(text, "  -V, --version", "Print version information and exit.");
        return text.toString();
    }

    /** One option: its name, then its description from column 30 (on the next line when the name is longer). */
    private static void line(StringBuilder text, String name, String description) {
        int column = 30;
        text.append(name);
        if (name.length() >= column - 1) {
            text.append('\n').append(" ".repeat(column));
        } else {
            text.append(" ".repeat(column - name.length()));
        }
        text.append(description).append('\n');
    }
}
