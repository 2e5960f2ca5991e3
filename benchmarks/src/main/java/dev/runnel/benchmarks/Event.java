package dev.runnel.benchmarks;

/** The benchmark event of benchmarks/README.md. Mutable fields, as a hand-written loop would have them. */
public final class Event implements java.io.Serializable {
    public long key;
    public long ts;
    public int type;
    public double amount;

    public long key() {
        return key;
    }

    public long ts() {
        return ts;
    }

    @Override
    public String toString() {
        return "Event{key=" + key + ", ts=" + ts + ", type=" + type + ", amount=" + amount + "}";
    }
}
