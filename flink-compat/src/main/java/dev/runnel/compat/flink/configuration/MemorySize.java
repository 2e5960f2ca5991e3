package dev.runnel.compat.flink.configuration;

import java.io.Serializable;

/** Flink's {@code MemorySize}: a number of bytes, as the file sink's rolling policy takes its part size. */
public final class MemorySize implements Serializable, Comparable<MemorySize> {
    private static final long serialVersionUID = 1L;

    private final long bytes;

    public MemorySize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        this.bytes = bytes;
    }

    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(mebiBytes << 20);
    }

    public long getBytes() {
        return bytes;
    }

    public long getKibiBytes() {
        return bytes >> 10;
    }

    public int getMebiBytes() {
        return (int) (bytes >> 20);
    }

    @Override
    public int compareTo(MemorySize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemorySize other && other.bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes + " bytes";
    }
}
