package dev.runnel.runtime;

/**
 * The two inputs of a two-input operator: records of each go to their own method; the operator's
 * watermark is the minimum over the inputs that are neither idle nor finished (Flink's rule), and
 * end of input reaches it once both inputs have ended. Like {@link InputMerger}, for two inputs of
 * different types and without a record wrapper.
 */
public final class TwoInputPorts<IN1, IN2> {
    /** What the operator does with the records of each input. */
    public interface Target<IN1, IN2> {
        void processElement1(IN1 value, long timestamp);

        void processElement2(IN2 value, long timestamp);

        /**
         * No more records will arrive on input {@code inputId} (1 or 2), as Flink's
         * {@code BoundedMultiInput.endInput}: called once per input, before the merged watermark
         * moves for it.
         */
        default void endInput(int inputId) {}
    }

    private final Target<IN1, IN2> target;
    private final Output<?> control;
    private final long[] watermarks = {Long.MIN_VALUE, Long.MIN_VALUE};
    private final boolean[] idle = new boolean[2];
    private final boolean[] ended = new boolean[2];
    private long merged = Long.MIN_VALUE;
    private long lastTick = Long.MIN_VALUE;
    private boolean mergedIdle;
    private final Output<IN1> first;
    private final Output<IN2> second;

    /** {@code control} receives the merged watermarks, idleness, ticks and end: the operator itself. */
    public TwoInputPorts(Target<IN1, IN2> target, Output<?> control) {
        this.target = target;
        this.control = control;
        this.first = new Port<>(0);
        this.second = new Port<>(1);
    }

    public Output<IN1> first() {
        return first;
    }

    public Output<IN2> second() {
        return second;
    }

    private void recompute() {
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (int i = 0; i < 2; i++) {
            if (!idle[i] && !ended[i]) {
                anyActive = true;
                min = Math.min(min, watermarks[i]);
            }
        }
        if (!anyActive) {
            // all idle: idle; one ended and the other idle: the ended one's end of time holds (as in Flink,
            // where a finished input's last watermark is Long.MAX_VALUE and idle inputs do not count)
            if (!ended[0] && !ended[1]) {
                if (!mergedIdle) {
                    mergedIdle = true;
                    control.idle(true);
                }
                return;
            }
            min = Long.MAX_VALUE;
        }
        if (mergedIdle) {
            mergedIdle = false;
            control.idle(false);
        }
        if (min > merged && min != Long.MIN_VALUE) {
            merged = min;
            control.watermark(min);
        }
    }

    private final class Port<T> implements Output<T> {
        private final int index;

        Port(int index) {
            this.index = index;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void collect(T value, long timestamp) {
            if (idle[index]) {
                idle[index] = false;
                recompute();
            }
            if (index == 0) {
                target.processElement1((IN1) value, timestamp);
            } else {
                target.processElement2((IN2) value, timestamp);
            }
        }

        @Override
        public void watermark(long watermark) {
            boolean wasIdle = idle[index];
            idle[index] = false;
            if (watermark > watermarks[index] || wasIdle) {
                watermarks[index] = Math.max(watermark, watermarks[index]);
                recompute();
            }
        }

        @Override
        public void idle(boolean isIdle) {
            if (idle[index] != isIdle) {
                idle[index] = isIdle;
                recompute();
            }
        }

        @Override
        public void tick(long now) {
            if (now > lastTick) {
                lastTick = now;
                control.tick(now);
            }
        }

        @Override
        public void latencyMarker(long originNanos) {
            control.latencyMarker(originNanos);
        }

        @Override
        public void end() {
            if (!ended[index]) {
                ended[index] = true;
                target.endInput(index + 1);
                recompute();
                if (ended[0] && ended[1]) {
                    control.end();
                }
            }
        }
    }
}
