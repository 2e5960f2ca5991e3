package dev.runnel.api.time;

/** Source of processing time in epoch milliseconds. */
@FunctionalInterface
public interface Clock {
    long millis();

    Clock SYSTEM = System::currentTimeMillis;
}
