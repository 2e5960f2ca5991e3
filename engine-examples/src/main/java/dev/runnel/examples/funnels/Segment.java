package dev.runnel.examples.funnels;

import java.util.Locale;

/** The shopper's segment, as the shop tags it on each event; it decides which funnels watch the shopper. */
public enum Segment {
    HIGH_VALUE, FREQUENT_BUYER, DEFAULT;

    /** {@code high_value}, {@code frequent_buyer} or {@code default}; blank means default. */
    public static Segment parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown segment '" + text + "'; expected high_value, frequent_buyer or default");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
