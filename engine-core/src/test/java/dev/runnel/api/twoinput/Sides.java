package dev.runnel.api.twoinput;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;

/**
 * Two inputs from one script, so their interleaving is exactly the script's: {@code "L:a@5"} is an
 * element of the left input with key {@code a} at 5, {@code "R:a@3"} one of the right input,
 * {@code "W10"} a watermark on both. (Two separate sources would be polled in turn, in batches.)
 */
final class Sides {
    private Sides() {}

    record Ev(String side, String key, long ts) implements java.io.Serializable {
        @Override
        public String toString() {
            return side + ":" + key + "@" + ts;
        }
    }

    static ScriptedSource<Ev> script(String... steps) {
        ScriptedSource<Ev> s = ScriptedSource.create();
        for (String step : steps) {
            if (step.startsWith("W")) {
                s.watermark(Long.parseLong(step.substring(1)));
            } else {
                Ev e = parse(step);
                s.event(e, e.ts());
            }
        }
        return s;
    }

    static Ev parse(String step) {
        int at = step.indexOf('@');
        return new Ev(step.substring(0, 1), step.substring(2, at), Long.parseLong(step.substring(at + 1)));
    }

    /** {@code [left, right]} of one scripted source. */
    static DataStream<Ev>[] split(StreamEnvironment env, String... steps) {
        DataStream<Ev> all = env.fromSource(script(steps), WatermarkStrategy.noWatermarks(), "script");
        @SuppressWarnings("unchecked")
        DataStream<Ev>[] sides = new DataStream[] {all.filter(e -> e.side().equals("L")), all.filter(e -> e.side().equals("R"))};
        return sides;
    }
}
