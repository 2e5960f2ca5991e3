package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.JobExecutionException;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSerializationErrorTest {
    @TempDir
    Path dir;

    /** Not Serializable on purpose. */
    static final class Tally {
        long n;
    }

    static final class Counting extends KeyedProcessFunction<Long, Long, Long> {
        private ValueState<Tally> tally;

        @Override
        public void open(RuntimeContext rc) {
            tally = rc.getState(new ValueStateDescriptor<>("tally", Tally.class));
        }

        @Override
        public void processElement(Long v, Context ctx, Collector<Long> out) throws Exception {
            Tally t = tally.value() == null ? new Tally() : tally.value();
            t.n++;
            tally.update(t);
            out.collect(t.n);
        }
    }

    private List<Long> run(StreamEnvironment env) {
        return env.fromSource(GeneratorSource.bounded(1_000, i -> i), WatermarkStrategy.noWatermarks(), "n")
            .keyBy(v -> v % 3)
            .process(new Counting()).name("counting")
            .executeAndCollect();
    }

    @Test
    void aStateTypeThatCannotBeSerializedFailsTheCheckpointNamingOperatorStateAndType() {
        StreamEnvironment env = StreamEnvironment.create()
            .enableCheckpointing(Duration.ZERO, new CheckpointStorage(dir, 1))
            .setTolerableCheckpointFailures(0);
        assertThatThrownBy(() -> run(env))
            .isInstanceOf(JobExecutionException.class)
            .hasStackTraceContaining("'counting/tally'")
            .hasStackTraceContaining(Tally.class.getName());
    }

    @Test
    void byDefaultAFailedCheckpointDoesNotStopTheJob() throws IOException {
        StreamEnvironment env = StreamEnvironment.create().enableCheckpointing(Duration.ZERO, new CheckpointStorage(dir, 1));
        assertThat(run(env)).hasSize(1_000);
        assertThat(new CheckpointStorage(dir, 1).completedIds()).isEmpty();
    }

    @Test
    void aRegisteredTypeSerializerMakesTheStateCheckpointable() throws IOException {
        StreamEnvironment env = StreamEnvironment.create()
            .enableCheckpointing(Duration.ZERO, new CheckpointStorage(dir, 1))
            .setTolerableCheckpointFailures(0)
            .registerTypeSerializer(Tally.class, new TypeSerializer<>() {
                @Override
                public void serialize(Tally value, DataOutput out) throws IOException {
                    out.writeLong(value.n);
                }

                @Override
                public Tally deserialize(DataInput in) throws IOException {
                    Tally t = new Tally();
                    t.n = in.readLong();
                    return t;
                }
            });
        assertThat(run(env)).hasSize(1_000);
        assertThat(new CheckpointStorage(dir, 1).completedIds()).isNotEmpty();
    }
}
