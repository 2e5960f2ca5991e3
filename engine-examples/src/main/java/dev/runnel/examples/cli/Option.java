package dev.runnel.examples.cli;

/** One command-line option as {@code --help} shows it: {@code --name VALUE  description (default: x)}. */
public record Option(String name, String value, String defaultValue, String description) {}
