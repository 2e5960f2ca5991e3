package dev.runnel.flink;

/** A test event: a key, its event time and a value. A record without Serializable, as users write them. */
record Ev(String key, long ts, int value) {
    @Override
    public String toString() {
        return key + "@" + ts + "=" + value;
    }
}
