package dev.runnel.compat.flink.connector.file;

import dev.runnel.compat.flink.configuration.MemorySize;
import java.io.Serializable;
import java.time.Duration;

/**
 * Flink's {@code DefaultRollingPolicy}: a part file is closed and a new one started once it holds
 * {@code maxPartSize} bytes, once it is {@code rolloverInterval} old, or once nothing was written to it
 * for {@code inactivityInterval}. Defaults as Flink's: 128 MiB, 60 s, 60 s.
 */
public final class DefaultRollingPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long maxPartSize;
    private final long rolloverIntervalMillis;
    private final long inactivityIntervalMillis;

    private DefaultRollingPolicy(long maxPartSize, long rolloverIntervalMillis, long inactivityIntervalMillis) {
        this.maxPartSize = maxPartSize;
        this.rolloverIntervalMillis = rolloverIntervalMillis;
        this.inactivityIntervalMillis = inactivityIntervalMillis;
    }

    public static PolicyBuilder builder() {
        return new PolicyBuilder();
    }

    public long getMaxPartSize() {
        return maxPartSize;
    }

    public long getRolloverInterval() {
        return rolloverIntervalMillis;
    }

    public long getInactivityInterval() {
        return inactivityIntervalMillis;
    }

    boolean shouldRollOnEvent(long partSize) {
        return partSize >= maxPartSize;
    }

    boolean shouldRollOnProcessingTime(long createdMillis, long lastWriteMillis, long nowMillis) {
        return nowMillis - createdMillis >= rolloverIntervalMillis || nowMillis - lastWriteMillis >= inactivityIntervalMillis;
    }

    /** Flink's {@code DefaultRollingPolicy.PolicyBuilder}. */
    public static final class PolicyBuilder {
        private long maxPartSize = 128L * 1024 * 1024;
        private long rolloverIntervalMillis = 60_000;
        private long inactivityIntervalMillis = 60_000;

        private PolicyBuilder() {}

        public PolicyBuilder withMaxPartSize(MemorySize size) {
            if (size.getBytes() <= 0) {
                throw new IllegalArgumentException("maxPartSize must be positive, got " + size);
            }
            this.maxPartSize = size.getBytes();
            return this;
        }

        public PolicyBuilder withRolloverInterval(Duration interval) {
            this.rolloverIntervalMillis = positiveMillis("rolloverInterval", interval);
            return this;
        }

        public PolicyBuilder withInactivityInterval(Duration interval) {
            this.inactivityIntervalMillis = positiveMillis("inactivityInterval", interval);
            return this;
        }

        public DefaultRollingPolicy build() {
            return new DefaultRollingPolicy(maxPartSize, rolloverIntervalMillis, inactivityIntervalMillis);
        }

        private static long positiveMillis(String name, Duration interval) {
            if (interval == null || interval.toMillis() <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + interval);
            }
            return interval.toMillis();
        }
    }
}
