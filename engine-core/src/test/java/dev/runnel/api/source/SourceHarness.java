package dev.runnel.api.source;

import dev.runnel.api.OutputTag;
import dev.runnel.api.time.Clock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Drives a {@link Source} directly, without a job, to the end of its input: what it emitted and
 * which rows it rejected. {@link #drainWithRestore} stops after some polls, snapshots the position,
 * and lets a fresh instance restore it and finish, as a job restored from a checkpoint would.
 */
public final class SourceHarness {
    private SourceHarness() {}

    /** Records and dead letters in the order the source emitted them. */
    public record Drained<T>(List<T> records, List<DeadLetter> deadLetters) {}

    public static <T> Drained<T> drain(Source<T> source, int pollSize) throws Exception {
        Collector<T> out = new Collector<>();
        source.open(context());
        try {
            pollToEnd(source, out, pollSize, Integer.MAX_VALUE);
        } finally {
            source.close();
        }
        return new Drained<>(out.records, out.deadLetters);
    }

    /** Polls {@code pollsBeforeSnapshot} times, snapshots, and finishes in a new instance restored from it. */
    public static <T> Drained<T> drainWithRestore(Supplier<Source<T>> sources, int pollSize, int pollsBeforeSnapshot) throws Exception {
        Collector<T> out = new Collector<>();
        Source<T> first = sources.get();
        first.open(context());
        ByteArrayOutputStream position = new ByteArrayOutputStream();
        try {
            if (!pollToEnd(first, out, pollSize, pollsBeforeSnapshot)) {
                return new Drained<>(out.records, out.deadLetters);
            }
            first.snapshotPosition(new DataOutputStream(position));
        } finally {
            first.close();
        }
        Source<T> second = sources.get();
        second.open(context());
        try {
            second.restorePosition(new DataInputStream(new ByteArrayInputStream(position.toByteArray())));
            pollToEnd(second, out, pollSize, Integer.MAX_VALUE);
        } finally {
            second.close();
        }
        return new Drained<>(out.records, out.deadLetters);
    }

    /** True if the source has more after {@code maxPolls} polls. */
    private static <T> boolean pollToEnd(Source<T> source, Collector<T> out, int pollSize, int maxPolls) throws Exception {
        for (int polls = 0; polls < maxPolls; polls++) {
            if (source.poll(out, pollSize) == SourceStatus.END_OF_INPUT) {
                return false;
            }
        }
        return true;
    }

    private static SourceContext context() {
        return new SourceContext() {
            @Override
            public String sourceName() {
                return "fuzzed";
            }

            @Override
            public Clock clock() {
                return Clock.SYSTEM;
            }
        };
    }

    private static final class Collector<T> implements SourceOutput<T> {
        final List<T> records = new ArrayList<>();
        final List<DeadLetter> deadLetters = new ArrayList<>();

        @Override
        public void collect(T record) {
            records.add(record);
        }

        @Override
        public void collect(T record, long timestamp) {
            records.add(record);
        }

        @Override
        public void emitWatermark(long watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            deadLetters.add(deadLetter);
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            throw new UnsupportedOperationException("a file source has no side output of its own");
        }

        @Override
        public void advanceProcessingTimeTo(long millis) {
            throw new UnsupportedOperationException("a file source does not move the clock");
        }
    }
}
