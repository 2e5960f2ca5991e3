package dev.runnel.examples.kafka;

import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.UsageException;
import java.util.List;

/**
 * The examples' Kafka options: where the events come from ({@code --input-topic}) and where the
 * alerts and results go ({@code --output-topic}) on the brokers at {@code --bootstrap-servers}.
 * Combinations that cannot mean anything fail with one line naming the fix.
 *
 * @param bootstrapServers {@code null} when the run uses no Kafka
 * @param inputTopic       {@code null}: read {@code --input} (or the sample)
 * @param outputTopic      {@code null}: write to {@code --output} (or stdout)
 * @param bounded          stop at the input topic's end offsets of when the job starts
 */
public record KafkaOptions(String bootstrapServers, String inputTopic, String outputTopic, boolean bounded) {
    public static final List<Option> OPTIONS = List.of(
        Option.text("bootstrap-servers", "HOST:PORT", null, "the Kafka brokers of --input-topic / --output-topic"),
        Option.text("input-topic", "TOPIC", null, "read the events from this topic (one JSON object per record, as 'generate --topic' writes) instead of --input"),
        Option.text("output-topic", "TOPIC", null, "write every output line to this topic (key: the line's kind); exactly once with --checkpoint-dir, else at least once"),
        Option.flag("bounded", "with --input-topic: stop at the end of what the topic holds when the job starts (default: run until stopped)"));

    public static KafkaOptions from(Args args) {
        String servers = args.string("bootstrap-servers", null);
        String input = args.string("input-topic", null);
        String output = args.string("output-topic", null);
        for (String topic : new String[] {"input-topic", "output-topic"}) {
            if (args.has(topic) && servers == null) {
                throw new UsageException("--" + topic + " needs --bootstrap-servers HOST:PORT");
            }
            if (args.has(topic) && args.string(topic, "").isBlank()) {
                throw new UsageException("--" + topic + " needs a topic name");
            }
        }
        if (servers != null && input == null && output == null) {
            throw new UsageException("--bootstrap-servers needs --input-topic TOPIC and/or --output-topic TOPIC");
        }
        if (input != null && args.has("input")) {
            throw new UsageException("--input and --input-topic both name the input; give one of them");
        }
        if (output != null && args.has("output")) {
            throw new UsageException("--output and --output-topic both name the output; give one of them");
        }
        if (args.has("bounded") && input == null) {
            throw new UsageException("--bounded applies to --input-topic only");
        }
        if (servers != null && args.choice("engine", "runnel").equals("flink")) {
            throw new UsageException("the Kafka options run on the Runnel engine only (the Flink runner has its own Kafka connector)");
        }
        return new KafkaOptions(servers, input, output, args.has("bounded"));
    }
}
