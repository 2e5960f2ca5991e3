package dev.runnel.flink;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import java.util.Map;

/** Scripted input for the translation tests. */
final class Scripts {
    private Scripts() {}

    /** Events of keys a, b, c at 0..n-1 seconds (value = index), slightly out of order, watermark 1 s behind after every event. */
    static DataStream<Ev> events(StreamEnvironment env, int n) {
        ScriptedSource<Ev> source = ScriptedSource.create();
        String[] keys = {"a", "b", "c"};
        for (int i = 0; i < n; i++) {
            long ts = i * 1000L + (i % 4 == 3 ? -1500 : 0) + (i % 9 == 8 ? -7000 : 0); // some out of order, some late
            source.event(new Ev(keys[(i * 7 + i / 3) % 3], ts, i), ts);
            if (i % 5 == 4) {
                source.watermark(i * 1000L - 1000);
            }
        }
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "events");
    }

    static <T> CollectSink<T> collect(Map<String, CollectSink<?>> sinks, String name, DataStream<T> stream) {
        CollectSink<T> sink = new CollectSink<>();
        stream.addSink(sink);
        sinks.put(name, sink);
        return sink;
    }
}
