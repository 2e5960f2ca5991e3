package dev.runnel.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the CLI in-process and keeps what it printed: stdout lines (alerts and results) and stderr. */
public record CliRun(int exitCode, List<String> lines, String stderr) {
    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        return new CliRun(code, text.isEmpty() ? List.of() : List.of(text.split("\\R")), err.toString(StandardCharsets.UTF_8));
    }

    /** The lines of one kind (the first word), e.g. {@code ANOMALY}. */
    public List<String> kind(String kind) {
        return lines.stream().filter(l -> l.startsWith(kind + " ")).toList();
    }
}
