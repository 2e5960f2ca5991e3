package dev.runnel.examples.generator;

import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.UsageException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code generate <scenario> --events N --seed S --out FILE}: realistic input for an example, with
 * planted fraud and configurable disorder, late and malformed rows. Next to the data it writes
 * {@code FILE.planted.csv}, the answer key: every case a detector must find.
 */
public final class GenerateCommand {
    public static final List<ScenarioGenerator> GENERATORS = List.of(
        new FraudGenerator(), new RiskGenerator(), new CepFraudGenerator(), new FunnelGenerator(), new LogGenerator(), new AlertGenerator());

    static final List<Option> OPTIONS = List.of(
        Option.integer("events", "N", "10000", "background events (planted cases come on top)", 0, Long.MAX_VALUE),
        Option.integer("seed", "S", "42", "random seed; the same seed gives the same file", Long.MIN_VALUE, Long.MAX_VALUE),
        Option.text("out", "FILE", null, "where to write (.jsonl/.ndjson/.json for JSON lines, else CSV)"),
        Option.text("bootstrap-servers", "HOST:PORT", null, "with --topic: the Kafka brokers to write to"),
        Option.text("topic", "TOPIC", null, "instead of --out: one JSON record per event into this topic (created if missing), keyed by the scenario's first column"),
        Option.integer("partitions", "N", "4", "partitions of a --topic that does not exist yet", 1, 1000),
        Option.flag("clean", "plant no fraud: control data on which no alert may fire"),
        Option.duration("disorder", "0s", "rows arrive up to this long after their event time"),
        Option.fraction("late-rate", "0", "fraction of rows delivered --late-by after the disorder bound"),
        Option.positiveDuration("late-by", "2m", "how late late rows are"),
        Option.fraction("malformed-rate", "0", "fraction of rows that come with an extra malformed line"),
        Option.flag("help", "this help"));

    private GenerateCommand() {}

    public static String help() {
        StringBuilder sb = new StringBuilder("Generate data: java -jar runnel-examples.jar generate <scenario> [options]\n  scenarios:");
        GENERATORS.forEach(g -> sb.append(' ').append(g.scenario()));
        sb.append('\n');
        OPTIONS.forEach(o -> sb.append(o.helpLine()).append('\n'));
        return sb.toString();
    }

    public static ScenarioGenerator find(String scenario) {
        for (ScenarioGenerator g : GENERATORS) {
            if (g.scenario().equals(scenario)) {
                return g;
            }
        }
        throw new UsageException("No generator for '" + scenario + "'; scenarios: " + GENERATORS.stream().map(ScenarioGenerator::scenario).toList());
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help")) {
            out.print(help());
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].startsWith("--")) {
            throw new UsageException("generate needs a scenario before its options; scenarios: "
                + GENERATORS.stream().map(ScenarioGenerator::scenario).toList());
        }
        ScenarioGenerator scenario = find(args[0]);
        Args parsed = Args.parse(java.util.Arrays.copyOfRange(args, 1, args.length), OPTIONS);
        if (parsed.has("help")) {
            out.print(help());
            return 0;
        }
        GeneratorConfig config = new GeneratorConfig(parsed.longValue("events", 10_000), parsed.longValue("seed", 42),
            !parsed.has("clean"), parsed.duration("disorder", Duration.ZERO), parsed.doubleValue("late-rate", 0),
            parsed.duration("late-by", Duration.ofMinutes(2)), parsed.doubleValue("malformed-rate", 0), GeneratorConfig.DEFAULT_START);
        if (parsed.has("topic") || parsed.has("bootstrap-servers")) {
            return intoTopic(scenario, config, parsed, out, err);
        }
        if (!parsed.has("out")) {
            throw new UsageException("generate needs --out FILE (or --bootstrap-servers HOST:PORT --topic TOPIC)");
        }
        Path file = Path.of(parsed.string("out", null));
        String lower = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean json = lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json");
        long start = System.nanoTime();
        Generated generated;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                generated = Generated.write(scenario, config, json, w);
            }
            writeAnswerKey(Path.of(file + ".planted.csv"), generated);
        } catch (IOException e) {
            err.println("Could not write " + file + ": " + e.getMessage());
            return 1;
        }
        Map<String, Long> byKind = new TreeMap<>();
        generated.planted().forEach(p -> byKind.merge(p.kind(), 1L, Long::sum));
        out.printf("wrote %s: %,d rows (%,d late), %,d malformed lines, planted %s in %.1f s%n", file, generated.rows(),
            generated.lateRows(), generated.malformedLines().size(), byKind, (System.nanoTime() - start) / 1e9);
        out.println("answer key: " + file + ".planted.csv");
        return 0;
    }

    private static int intoTopic(ScenarioGenerator scenario, GeneratorConfig config, Args parsed, PrintStream out, PrintStream err) {
        if (!parsed.has("topic") || !parsed.has("bootstrap-servers")) {
            throw new UsageException("generate into Kafka needs both --bootstrap-servers HOST:PORT and --topic TOPIC");
        }
        if (parsed.has("out")) {
            throw new UsageException("--out and --topic both name where to write; give one of them");
        }
        long start = System.nanoTime();
        String topic = parsed.string("topic", null);
        Generated generated;
        try {
            generated = dev.runnel.examples.kafka.GenerateIntoTopic.run(scenario, config, parsed.string("bootstrap-servers", null),
                topic, parsed.intValue("partitions", 4));
        } catch (RuntimeException e) {
            err.println("Could not write topic " + topic + ": " + e.getMessage());
            return 1;
        }
        Map<String, Long> byKind = new TreeMap<>();
        generated.planted().forEach(p -> byKind.merge(p.kind(), 1L, Long::sum));
        out.printf("wrote topic %s: %,d records (%,d late), %,d malformed, planted %s in %.1f s%n", topic, generated.rows(),
            generated.lateRows(), generated.malformedLines().size(), byKind, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static void writeAnswerKey(Path path, Generated generated) throws IOException {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            w.write("kind,key,timestamp,detail\n");
            for (Planted p : generated.planted()) {
                w.write(p.kind() + "," + p.key() + "," + java.time.Instant.ofEpochMilli(p.timestamp()) + "," + p.detail() + "\n");
            }
            for (long line : generated.malformedLines()) {
                w.write("MALFORMED,line " + line + ",,\n");
            }
        }
    }
}
