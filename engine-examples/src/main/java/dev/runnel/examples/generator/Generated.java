package dev.runnel.examples.generator;

import java.io.Writer;
import java.util.List;
import java.util.Random;

/** What a generator run wrote: good rows, late rows, the line numbers of malformed lines, the planted cases. */
public record Generated(long rows, long lateRows, List<Long> malformedLines, List<Planted> planted) {

    /** Generates {@code scenario}'s data into {@code out} (CSV or JSON lines as {@code json} says). */
    public static Generated write(ScenarioGenerator scenario, GeneratorConfig config, boolean json, Writer out) {
        // separate random streams, so that disorder and malformed settings do not move the planted cases
        Random events = new Random(config.seed());
        Random noise = new Random(config.seed() * 31 + 7);
        RowWriter writer = new RowWriter(out, scenario.columns(), json, config.malformedRate(), noise);
        Disorder disorder = new Disorder(config, noise, writer);
        List<Planted> planted = scenario.generate(config, events, disorder);
        disorder.flush();
        return new Generated(writer.rows(), disorder.lateRows, List.copyOf(writer.malformedLines()), List.copyOf(planted));
    }
}
