package dev.runnel.examples.cli;

/** What values an option accepts, checked when the command line is parsed, before any job is built. */
@FunctionalInterface
public interface ValueRule {
    /** Accepts any text (file names, lists checked by the example). */
    ValueRule ANY = (option, text) -> {};

    /** Returns normally if {@code text} is acceptable for {@code --option}, else throws {@link UsageException}. */
    void check(String option, String text);
}
