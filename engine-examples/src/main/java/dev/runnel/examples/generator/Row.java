package dev.runnel.examples.generator;

import java.util.Map;

/**
 * One generated event: its event time, its fields in column order, and whether it belongs to a
 * planted case (planted rows are never made late or malformed).
 */
public record Row(long timestamp, Map<String, Object> fields, boolean planted) {}
