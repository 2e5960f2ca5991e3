package dev.runnel.examples.funnels;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.Report;
import dev.runnel.examples.io.Input;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** {@code funnels}: the CLI wiring of {@link ShoppingFunnels}. */
public final class ShoppingFunnelsCommand implements Example {
    private static final List<String> FUNNEL_NAMES = Funnels.all().stream().map(Funnel::name).toList();

    @Override
    public String name() {
        return "funnels";
    }

    @Override
    public String description() {
        return "S4 shopping funnels: eight CEP patterns chosen per segment, purchase risk alerts, abandoned carts";
    }

    @Override
    public Input defaultInput() {
        return Input.sample("shop-events.csv");
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.duration("out-of-orderness", "5s", "how far out of order events may arrive"),
            Option.positiveDuration("max-ahead", "7d", "events dated more than this after the latest event so far go to FUTURE"),
            Option.names("funnels", "all", "which funnels run: " + String.join(",", FUNNEL_NAMES), FUNNEL_NAMES),
            Option.flag("matches", "also print every completed funnel (MATCH)"),
            Option.flag("timeouts", "also print timed-out funnels that never reached a cart (TIMED_OUT)"));
    }

    @Override
    public void define(StreamEnvironment env, Input input, Args args, Report report) {
        ShoppingFunnels.Config d = ShoppingFunnels.Config.defaults();
        List<Funnel> funnels = d.funnels();
        if (args.has("funnels")) {
            funnels = Funnels.named(Arrays.stream(args.string("funnels", "").split(",")).map(String::trim).toList());
        }
        ShoppingFunnels.Config config = new ShoppingFunnels.Config(args.zone("zone", d.zone()),
            args.duration("out-of-orderness", d.outOfOrderness()), funnels, args.duration("max-ahead", d.maxAhead()));
        DataStream<ShopEvent> events = ShoppingFunnels.read(env, input.source(config.zone(), ShopEvent.COLUMNS, ShopEvent::parse), config);
        events.getSideOutput(DeadLetter.TAG).addSink(report.sink("DEAD_LETTER"));
        events.getSideOutput(ShoppingFunnels.FUTURE).addSink(report.sink("FUTURE", ShoppingFunnelsCommand::describe));
        ShoppingFunnels.Outputs outputs = ShoppingFunnels.detect(events, config);
        outputs.alerts().addSink(report.sink("ALERT"));
        outputs.abandonedCarts().addSink(report.sink("ABANDONED"));
        outputs.matches().addSink(args.has("matches") ? report.sink("MATCH") : report.counter("MATCH"));
        outputs.otherTimeouts().addSink(args.has("timeouts") ? report.sink("TIMED_OUT") : report.counter("TIMED_OUT"));
        outputs.late().addSink(report.sink("LATE", ShoppingFunnelsCommand::describe));
    }

    /** {@code user=bob checkout at 2024-05-13T10:14:00Z}, for the LATE and FUTURE lines. */
    private static String describe(ShopEvent e) {
        return "user=" + e.userId() + " " + e.action().label() + " at " + Instant.ofEpochMilli(e.timestamp());
    }
}
