package dev.runnel.api.windowing;

/**
 * Tumbling and sliding assigners: windows of one {@code size} starting every {@code slide} (plus
 * {@code offset}). The runtime computes their aggregates from shared slices of {@code gcd(size,
 * slide)} instead of copying each element into {@code size / slide} windows.
 */
public interface SliceableAssigner {
    long size();

    long slide();

    long offset();
}
