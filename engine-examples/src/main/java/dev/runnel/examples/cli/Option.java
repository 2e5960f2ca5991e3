package dev.runnel.examples.cli;

/** One command-line option as {@code --help} shows it: {@code --name VALUE  description (default: x)}. */
public record Option(String name, String value, String defaultValue, String description) {
    public static Option of(String name, String value, String defaultValue, String description) {
        return new Option(name, value, defaultValue, description);
    }
}
