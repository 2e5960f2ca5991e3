package dev.runnel.examples.generator;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Generates one scenario's events, in event-time order, with planted fraud cases. */
public interface ScenarioGenerator {
    /** The example name this data is for ({@code fraud}, {@code risk}, ...). */
    String scenario();

    /** Field names, in column order. */
    List<String> columns();

    /** Emits rows in event-time order through {@code out}; returns the planted cases. */
    List<Planted> generate(GeneratorConfig config, Random random, Consumer<Row> out);
}
