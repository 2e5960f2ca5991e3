package dev.runnel.connector.kafka;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting in tests that run against a real broker, whose timing no test clock controls: poll the exact
 * condition the test then asserts, briefly pausing between polls, and fail naming what did not happen
 * once the deadline has passed. The one place these tests wait, so none sleeps a fixed time.
 */
public final class Conditions {
    private static final long POLL_PAUSE_MILLIS = 5;

    private Conditions() {}

    /** Returns as soon as {@code condition} holds; fails after {@code timeout} with {@code what} and {@code state}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state)
        throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + state.get());
            }
            Thread.sleep(POLL_PAUSE_MILLIS);
        }
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        await(what, timeout, condition, () -> "");
    }
}
