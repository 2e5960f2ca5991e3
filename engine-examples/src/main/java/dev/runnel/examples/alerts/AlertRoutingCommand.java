package dev.runnel.examples.alerts;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Sink;
import dev.runnel.api.sink.FileSink;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.Report;
import dev.runnel.examples.io.Input;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code alerts}: the CLI wiring of {@link AlertRouting}. The console channel is the report
 * (CONSOLE lines), the file channel the file named by {@code --channel-file} (without it, FILE lines
 * in the report: a run never leaves a file the user did not ask for), and the callback channel a
 * function that the CLI uses to print CALLBACK lines — in an application it would page someone.
 */
public final class AlertRoutingCommand implements Example {
    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public String description() {
        return "S6 alert routing: rules send alerts to console/file/callback; repeats within 5 min are suppressed";
    }

    @Override
    public Input defaultInput() {
        return Input.sample("alerts.csv");
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.duration("suppression", "5m", "a repeat of the same rule and severity within this is suppressed"),
            Option.text("channel-file", "FILE", null, "the file channel's file (without it: FILE lines in the output)"),
            Option.flag("show-suppressed", "also print suppressed repeats (SUPPRESSED)"));
    }

    @Override
    public void define(StreamEnvironment env, Input input, Args args, Report report) {
        AlertRouting.Config d = AlertRouting.Config.defaults();
        AlertRouting.Config config = new AlertRouting.Config(d.rules(), args.duration("suppression", d.suppression()), d.outOfOrderness());
        DataStream<Alert> alerts = AlertRouting.read(env, input.source(args.zone("zone", ZoneId.of("UTC")), Alert.COLUMNS, Alert::parse), config);
        alerts.getSideOutput(DeadLetter.TAG).addSink(report.sink("DEAD_LETTER"));
        Map<Channel, Sink<Alert>> channels = new EnumMap<>(Channel.class);
        channels.put(Channel.CONSOLE, report.sink("CONSOLE"));
        channels.put(Channel.FILE, args.has("channel-file")
            ? report.counting("FILE", FileSink.lines(Path.of(args.string("channel-file", null)), Alert::toString))
            : report.sink("FILE"));
        channels.put(Channel.CALLBACK, report.sink("CALLBACK"));
        DataStream<Alert> suppressed = AlertRouting.route(alerts, config, channels);
        suppressed.addSink(args.has("show-suppressed") ? report.sink("SUPPRESSED") : report.counter("SUPPRESSED"));
    }
}
