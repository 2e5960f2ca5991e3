package dev.runnel.runtime;

/**
 * Merges several inputs into one: records pass straight through; the merged watermark is the
 * minimum over inputs that are neither idle nor finished, forwarded only when it grows; ticks are
 * forwarded when processing time grows; end of input is forwarded once every input has ended.
 * Used for unions and for the channels from upstream subtasks.
 */
public final class InputMerger<T> {
    private final Output<T> downstream;
    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] ended;
    private final Port[] ports;
    private long mergedWatermark = Long.MIN_VALUE;
    private long lastTick = Long.MIN_VALUE;
    private boolean mergedIdle;
    private int endedCount;

    @SuppressWarnings("unchecked")
    public InputMerger(int inputs, Output<T> downstream) {
        this.downstream = downstream;
        this.watermarks = new long[inputs];
        this.idle = new boolean[inputs];
        this.ended = new boolean[inputs];
        this.ports = new InputMerger.Port[inputs];
        java.util.Arrays.fill(watermarks, Long.MIN_VALUE);
        for (int i = 0; i < inputs; i++) {
            ports[i] = new Port(i);
        }
    }

    @SuppressWarnings("unchecked")
    public Output<T> input(int index) {
        return ports[index];
    }

    private void recompute() {
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (!idle[i] && !ended[i]) {
                anyActive = true;
                if (watermarks[i] < min) {
                    min = watermarks[i];
                }
            }
        }
        if (!anyActive) {
            if (endedCount == watermarks.length) {
                min = Long.MAX_VALUE;
            } else {
                // every live input is idle: hold the watermark and tell downstream we are idle
                if (!mergedIdle) {
                    mergedIdle = true;
                    downstream.idle(true);
                }
                return;
            }
        }
        if (mergedIdle) {
            mergedIdle = false;
            downstream.idle(false);
        }
        if (min > mergedWatermark && min != Long.MIN_VALUE) {
            mergedWatermark = min;
            downstream.watermark(min);
        }
    }

    private final class Port implements Output<T> {
        private final int index;

        Port(int index) {
            this.index = index;
        }

        @Override
        public void collect(T value, long timestamp) {
            if (idle[index]) {
                idle[index] = false;
                recompute();
            }
            downstream.collect(value, timestamp);
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
                downstream.tick(now);
            }
        }

        @Override
        public void latencyMarker(long originNanos) {
            downstream.latencyMarker(originNanos);
        }

        @Override
        public void end() {
            if (!ended[index]) {
                ended[index] = true;
                endedCount++;
                recompute();
                if (endedCount == ended.length) {
                    downstream.end();
                }
            }
        }
    }
}
