package dev.runnel.examples;

import dev.runnel.api.JobExecutionException;
import dev.runnel.api.JobResult;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.Progress;
import dev.runnel.examples.cli.Report;
import dev.runnel.examples.generator.GenerateCommand;
import dev.runnel.examples.io.Input;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The examples' command line:
 * <pre>
 * java -jar runnel-examples.jar &lt;example&gt; [--input FILE] [--output FILE] [--format text|json] [options]
 * java -jar runnel-examples.jar generate &lt;scenario&gt; --events N --seed S --out FILE [options]
 * java -jar runnel-examples.jar --help
 * </pre>
 * Alerts and results go to stdout (or {@code --output}); progress and the summary go to stderr.
 */
public final class Cli {
    static final List<Option> COMMON_OPTIONS = List.of(
        new Option("input", "FILE", "the bundled sample", "CSV, or JSON lines if the name ends in .jsonl/.ndjson/.json; sample:NAME reads a bundled sample"),
        new Option("output", "FILE", "stdout", "where alerts and results go"),
        new Option("format", "text|json", "text", "text lines 'KIND value', or JSON lines {\"kind\":...}"),
        new Option("zone", "ZONE", "UTC", "time zone of local date-times in the input and output"),
        new Option("parallelism", "N", "1", "parallel workers for keyed operators"),
        new Option("quiet", null, null, "no progress lines on stderr"),
        new Option("help", null, null, "this help"));

    private Cli() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** {@code first} followed by {@code rest}: how each example's {@code main} hands over to the CLI. */
    public static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** Runs one command; returns the process exit code (0 ok, 1 job failed, 2 bad command line). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(help());
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            if (command.equals("generate")) {
                return GenerateCommand.run(rest, out, err);
            }
            Example example = Examples.find(command);
            if (example == null) {
                err.println("Unknown example '" + command + "'. Examples: " + Examples.names() + ", or 'generate'. See --help.");
                return 2;
            }
            return runExample(example, rest, out, err);
        } catch (Args.UsageException e) {
            err.println(e.getMessage());
            err.println("See: java -jar runnel-examples.jar " + command + " --help");
            return 2;
        }
    }

    /** Runs {@code example} with {@code args} (the example name already removed). */
    public static int runExample(Example example, String[] args, PrintStream out, PrintStream err) {
        List<Option> options = new ArrayList<>(COMMON_OPTIONS);
        options.addAll(example.options());
        Args parsed = Args.parse(args, options);
        if (parsed.has("help")) {
            out.print(exampleHelp(example));
            return 0;
        }
        Input input = input(parsed.string("input", null), example);
        ZoneId zone = parsed.zone("zone", ZoneId.of("UTC"));
        Report.Format format = parsed.choice("format", "text", Set.of("text", "json")).equals("json") ? Report.Format.JSON : Report.Format.TEXT;
        StreamEnvironment env = StreamEnvironment.create().setParallelism((int) parsed.longValue("parallelism", 1));
        Progress progress = new Progress(err, zone, parsed.has("quiet"));
        Report report;
        JobResult result;
        try (Report opened = new Report(openOutput(parsed, out), format, parsed.has("output"))) {
            report = opened;
            example.define(env, input, parsed, report);
            result = progress.follow(env.executeAsync(example.name()));
        } catch (JobExecutionException e) {
            err.println("The job failed: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Could not write the output: " + e.getMessage());
            return 1;
        }
        // the report is closed here, so the output is complete before the summary
        progress.summary(result, report.counts(), report.count("LATE", 0));
        return 0;
    }

    /** A file, {@code sample:NAME} for a sample bundled in the jar, or the example's default sample. */
    private static Input input(String arg, Example example) {
        if (arg == null) {
            return example.defaultInput();
        }
        return arg.startsWith("sample:") ? Input.sample(arg.substring("sample:".length())) : Input.file(Path.of(arg));
    }

    private static Writer openOutput(Args args, PrintStream stdout) throws IOException {
        if (!args.has("output")) {
            return new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
        }
        Path path = Path.of(args.string("output", null));
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    static String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Runnel examples: the scenarios of SCENARIOS.md as runnable detectors.\n\n")
            .append("Usage:\n")
            .append("  java -jar runnel-examples.jar <example> [--input FILE] [--output FILE] [--format text|json] [options]\n")
            .append("  java -jar runnel-examples.jar <example> --help        options of one example\n")
            .append("  java -jar runnel-examples.jar generate <scenario> --events N --seed S --out FILE [options]\n\n")
            .append("Examples:\n");
        for (Example e : Examples.all()) {
            sb.append(String.format("  %-10s %s%n", e.name(), e.description()));
        }
        sb.append("\nOptions of every example:\n");
        COMMON_OPTIONS.forEach(o -> sb.append(optionLine(o)).append('\n'));
        for (Example e : Examples.all()) {
            sb.append("\nOptions of ").append(e.name()).append(":\n");
            e.options().forEach(o -> sb.append(optionLine(o)).append('\n'));
        }
        sb.append('\n').append(GenerateCommand.help());
        return sb.toString();
    }

    static String exampleHelp(Example example) {
        StringBuilder sb = new StringBuilder();
        sb.append(example.name()).append(": ").append(example.description()).append("\n\n")
            .append("Usage: java -jar runnel-examples.jar ").append(example.name()).append(" [options]\n")
            .append("Reads ").append(example.defaultInput()).append(" unless --input is given.\n\nOptions:\n");
        COMMON_OPTIONS.forEach(o -> sb.append(optionLine(o)).append('\n'));
        example.options().forEach(o -> sb.append(optionLine(o)).append('\n'));
        return sb.toString();
    }

    private static String optionLine(Option o) {
        String left = "--" + o.name() + (o.value() == null ? "" : " " + o.value());
        String right = o.description() + (o.defaultValue() == null ? "" : " (default: " + o.defaultValue() + ")");
        return String.format("  %-28s %s", left, right);
    }
}
