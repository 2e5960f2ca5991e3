package dev.runnel.benchmarks.flink;

import dev.runnel.benchmarks.Event;
import dev.runnel.benchmarks.EventGenerator;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * W1 and W6 written directly against Flink 1.20, as a Flink user would write them: the baseline of
 * the runner's overhead. The same input (the generator at parallelism 1, so events come in index
 * order, watermarks 200 ms behind), the same keys, windows and pattern, a sink that counts.
 * The event is the benchmarks' {@link Event}, a POJO to Flink (public fields, no-argument
 * constructor), so Flink serializes it with its POJO serializer.
 */
final class HandWrittenFlink {
    private HandWrittenFlink() {}

    static long w1(long n, long seed, int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        events(env, n, seed).keyBy(new KeyMod())
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
            .aggregate(new SumAmount())
            .sinkTo(new Counting<>()).name("count");
        return run(env, "W1 hand-written");
    }

    static long w6(long n, long seed, int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        Pattern<Event, Event> pattern = Pattern.<Event>begin("first").where(SimpleCondition.of(e -> e.type == 0))
            .next("rest").where(SimpleCondition.of(e -> e.type == 0)).times(4)
            .within(Duration.ofMinutes(5));
        KeyedStream<Event, Long> keyed = events(env, n, seed).keyBy(new KeyMod());
        CEP.pattern(keyed, pattern).inEventTime().select(match -> 1L).returns(Long.class)
            .sinkTo(new Counting<>()).name("count");
        return run(env, "W6 hand-written");
    }

    private static StreamExecutionEnvironment environment(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.getConfig().enableObjectReuse(); // as the runner does: a fair baseline
        return env;
    }

    private static DataStream<Event> events(StreamExecutionEnvironment env, long n, long seed) {
        DataGeneratorSource<Event> source = new DataGeneratorSource<>(new Generate(seed), n, TypeInformation.of(Event.class));
        WatermarkStrategy<Event> watermarks = WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(200))
            .withTimestampAssigner((e, previous) -> e.ts);
        return env.fromSource(source, watermarks, "generator").setParallelism(1);
    }

    private static long run(StreamExecutionEnvironment env, String name) throws Exception {
        Counting.COUNT.set(0);
        JobExecutionResult result = env.execute(name);
        FlinkComparison.lastNetRuntimeMillis = result.getNetRuntime();
        return Counting.COUNT.get();
    }

    /** Index to event with the benchmarks' generator; one split at parallelism 1, so indices come in order. */
    private static final class Generate implements GeneratorFunction<Long, Event> {
        private final long seed;
        private transient EventGenerator generator;

        Generate(long seed) {
            this.seed = seed;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            generator = new EventGenerator(seed);
        }

        @Override
        public Event map(Long index) {
            return generator.next();
        }
    }

    private static final class KeyMod implements KeySelector<Event, Long> {
        @Override
        public Long getKey(Event e) {
            return e.key % 10_000;
        }
    }

    /** The sum of amounts with a mutable accumulator, as W1's Runnel job has it. */
    private static final class SumAmount implements AggregateFunction<Event, double[], Double> {
        @Override
        public double[] createAccumulator() {
            return new double[1];
        }

        @Override
        public double[] add(Event e, double[] acc) {
            acc[0] += e.amount;
            return acc;
        }

        @Override
        public Double getResult(double[] acc) {
            return acc[0];
        }

        @Override
        public double[] merge(double[] a, double[] b) {
            a[0] += b[0];
            return a;
        }
    }

    /** Counts and discards; each writer adds its count when it closes (the MiniCluster runs in this JVM). */
    private static final class Counting<T> implements Sink<T> {
        static final AtomicLong COUNT = new AtomicLong();

        @Override
        @SuppressWarnings("deprecation")
        public SinkWriter<T> createWriter(InitContext context) {
            return new CountingWriter<>();
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            return new CountingWriter<>();
        }
    }

    private static final class CountingWriter<T> implements SinkWriter<T> {
        private long count;

        @Override
        public void write(T element, Context context) {
            count++;
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {
            Counting.COUNT.addAndGet(count);
        }
    }
}
