package dev.runnel.examples;

import dev.runnel.api.JobExecutionException;
import dev.runnel.api.JobResult;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.cli.FlinkEngine;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.Progress;
import dev.runnel.examples.cli.Report;
import dev.runnel.examples.cli.RunCheckpoints;
import dev.runnel.examples.cli.UsageException;
import dev.runnel.examples.cli.Values;
import dev.runnel.examples.generator.GenerateCommand;
import dev.runnel.examples.io.Input;
import dev.runnel.examples.kafka.BrokerCommand;
import dev.runnel.examples.kafka.ConsumeCommand;
import dev.runnel.examples.kafka.KafkaInput;
import dev.runnel.examples.kafka.KafkaOptions;
import dev.runnel.examples.kafka.KafkaOutput;
import dev.runnel.examples.kafka.KafkaTopics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    /** Parallel workers: more than four per core only adds switching, and every pair of workers costs a channel. */
    static final int MAX_PARALLELISM = Math.min(StreamEnvironment.MAX_PARALLELISM, 4 * Runtime.getRuntime().availableProcessors());

    static final List<Option> COMMON_OPTIONS = List.of(
        Option.text("input", "FILE", "the bundled sample", "CSV, or JSON lines if the name ends in .jsonl/.ndjson/.json; sample:NAME reads a bundled sample"),
        Option.text("output", "FILE", "stdout", "where alerts and results go"),
        Option.choice("format", "text", "text lines 'KIND value', or JSON lines {\"kind\":...}", "text", "json"),
        Option.zone("zone", "UTC", "time zone of local date-times in the input and output"),
        Option.integer("parallelism", "N", "1", "parallel workers for keyed operators, at most 4 per core", 1, MAX_PARALLELISM),
        Option.text("checkpoint-dir", "DIR", null, "take checkpoints into DIR (the newest " + RunCheckpoints.RETAINED + " are kept)"),
        Option.duration("checkpoint-interval", RunCheckpoints.DEFAULT_INTERVAL, "time between checkpoints; 0s: after every batch of input"),
        Option.text("restore", "DIR", null, "resume from the newest valid checkpoint in DIR (e.g. an earlier run's --checkpoint-dir)"),
        Option.integer("metrics-port", "PORT", null, "serve live metrics while the job runs: Prometheus /metrics, /jobs JSON, "
            + "a live job page at / (9249 is Flink's Prometheus port; 0 any free port)", 0, 65535),
        Option.choice("engine", "runnel", "runnel, or flink: the same job on Apache Flink (local MiniCluster, or the cluster "
            + "under 'flink run'); needs runnel-runner-flink and Flink on the class path, see docs/flink-runner.md", "runnel", "flink"),
        Option.flag("quiet", "no progress lines on stderr"),
        Option.flag("help", "this help"));
    static final List<Option> ALL_COMMON_OPTIONS = java.util.stream.Stream.concat(COMMON_OPTIONS.stream(),
        dev.runnel.examples.kafka.KafkaOptions.OPTIONS.stream()).toList();

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
            if (command.equals("broker")) {
                return BrokerCommand.run(rest, out, err);
            }
            if (command.equals("consume")) {
                return ConsumeCommand.run(rest, out, err);
            }
            Example example = Examples.find(command);
            if (example == null) {
                err.println("Unknown example '" + command + "'. Examples: " + Examples.names() + ", or 'generate', 'broker', 'consume'. See --help.");
                return 2;
            }
            return runExample(example, rest, out, err);
        } catch (UsageException e) {
            // one line, so that a script's log shows what was wrong without a trace
            err.println(e.getMessage() + " (see: java -jar runnel-examples.jar " + command + " --help)");
            return 2;
        }
    }

    /** Runs {@code example} with {@code args} (the example name already removed). */
    public static int runExample(Example example, String[] args, PrintStream out, PrintStream err) {
        List<Option> options = new ArrayList<>(ALL_COMMON_OPTIONS);
        options.addAll(example.options());
        Args parsed = Args.parse(args, options);
        if (parsed.has("help")) {
            out.print(exampleHelp(example));
            return 0;
        }
        KafkaOptions kafka = KafkaOptions.from(parsed);
        Input input = kafka.inputTopic() != null
            ? KafkaInput.of(example.name(), kafka.bootstrapServers(), kafka.inputTopic(), kafka.bounded())
            : input(parsed.string("input", null), example);
        ZoneId zone = parsed.zone("zone", ZoneId.of("UTC"));
        Report.Format format = parsed.choice("format", "text").equals("json") ? Report.Format.JSON : Report.Format.TEXT;
        RunCheckpoints checkpoints = RunCheckpoints.from(parsed);
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parsed.intValue("parallelism", 1));
        checkpoints.configure(env);
        if (parsed.has("metrics-port")) {
            env.enableMetricsEndpoint(parsed.intValue("metrics-port", 9249));
        }
        Progress progress = new Progress(err, zone, parsed.has("quiet"));
        Report report;
        JobResult result;
        // with checkpoints, every line is flushed before the checkpoint that follows it: output is at-least-once;
        // a job that runs until stopped shows each line as it comes
        try (Report opened = new Report(openOutput(parsed, out), format, parsed.has("output"),
                checkpoints.enabled() || example.runsUntilStopped(parsed) || (kafka.inputTopic() != null && !kafka.bounded()))) {
            report = opened;
            if (kafka.outputTopic() != null) {
                KafkaTopics.ensure(kafka.bootstrapServers(), kafka.outputTopic(), 1); // one partition: the alerts stay in order
                report.writingTo(new KafkaOutput(example.name(), kafka.bootstrapServers(), kafka.outputTopic(), checkpoints.enabled()));
            }
            try {
                example.define(env, input, parsed, report);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage()); // a combination of options the pipeline refuses
            }
            if (parsed.choice("engine", "runnel").equals("flink")) {
                if (parsed.has("restore")) {
                    throw new UsageException("--restore reads Runnel checkpoints; on Flink resume from a Flink savepoint (flink run -s)");
                }
                FlinkEngine.execute(env, example.name());
                result = null;
            } else {
                dev.runnel.api.JobClient job = env.executeAsync(example.name());
                job.metricsEndpoint().ifPresent(uri -> err.println("metrics: " + uri + " (live job page), " + uri.resolve("/metrics")));
                result = progress.follow(job);
            }
        } catch (JobExecutionException e) {
            err.println("The job failed: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Could not write the output: " + e.getMessage());
            return 1;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("The job could not start: " + e.getMessage());
            return 1;
        }
        // the report is closed here, so the output is complete before the summary
        if (result == null) {
            progress.outputs(report.counts()); // Flink's run has no Runnel JobResult to summarize
        } else {
            progress.summary(result, report.counts(), report.count("LATE", 0));
        }
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
        sb.append("Runnel examples: six detectors (fraud, risk, CEP fraud, funnels, logs, alert routing) and a data generator.\n\n")
            .append("Usage:\n")
            .append("  java -jar runnel-examples.jar <example> [--input FILE] [--output FILE] [--format text|json] [options]\n")
            .append("  java -jar runnel-examples.jar <example> --help        options of one example\n")
            .append("  java -jar runnel-examples.jar generate <scenario> --events N --seed S --out FILE [options]\n")
            .append("  java -jar runnel-examples.jar broker                   a local Kafka broker for the Kafka options\n")
            .append("  java -jar runnel-examples.jar consume --bootstrap-servers HOST:PORT --topic TOPIC\n\n")
            .append("Examples:\n");
        for (Example e : Examples.all()) {
            sb.append(String.format("  %-10s %s%n", e.name(), e.description()));
        }
        sb.append("\nOptions of every example:\n");
        ALL_COMMON_OPTIONS.forEach(o -> sb.append(o.helpLine()).append('\n'));
        for (Example e : Examples.all()) {
            sb.append("\nOptions of ").append(e.name()).append(":\n");
            e.options().forEach(o -> sb.append(o.helpLine()).append('\n'));
        }
        sb.append("\nDurations: 500ms, 10s, 5m, 2h, 1d (at most ").append(Values.format(Values.MAX_DURATION)).append(").\n")
            .append("Exit codes: 0 done, 1 the job failed, 2 a wrong command line.\n");
        sb.append('\n').append(GenerateCommand.help());
        return sb.toString();
    }

    static String exampleHelp(Example example) {
        StringBuilder sb = new StringBuilder();
        sb.append(example.name()).append(": ").append(example.description()).append("\n\n")
            .append("Usage: java -jar runnel-examples.jar ").append(example.name()).append(" [options]\n")
            .append("Reads ").append(example.defaultInput()).append(" unless --input is given.\n\nOptions:\n");
        ALL_COMMON_OPTIONS.forEach(o -> sb.append(o.helpLine()).append('\n'));
        example.options().forEach(o -> sb.append(o.helpLine()).append('\n'));
        return sb.toString();
    }
}
