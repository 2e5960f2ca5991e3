package dev.runnel.api.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live for keyed state, measured in processing time of the job's clock (as in Flink).
 * Expired values are never returned; they are removed when read and by a periodic sweep.
 */
public final class StateTtlConfig implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    public enum UpdateType { OnCreateAndWrite, OnReadAndWrite }

    public enum StateVisibility { NeverReturnExpired }

    private final Duration ttl;
    private final UpdateType updateType;

    private StateTtlConfig(Duration ttl, UpdateType updateType) {
        this.ttl = ttl;
        this.updateType = updateType;
    }

    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    public Duration getTtl() {
        return ttl;
    }

    public UpdateType getUpdateType() {
        return updateType;
    }

    public static final class Builder {
        private final Duration ttl;
        private UpdateType updateType = UpdateType.OnCreateAndWrite;

        private Builder(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("State TTL must be positive, got " + ttl);
            }
            this.ttl = ttl;
        }

        public Builder setUpdateType(UpdateType type) {
            this.updateType = Objects.requireNonNull(type);
            return this;
        }

        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        public Builder setStateVisibility(StateVisibility visibility) {
            return this; // only NeverReturnExpired exists
        }

        public StateTtlConfig build() {
            return new StateTtlConfig(ttl, updateType);
        }
    }
}
