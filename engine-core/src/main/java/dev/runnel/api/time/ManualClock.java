package dev.runnel.api.time;

/**
 * A clock that only moves when told to, so processing-time behaviour is deterministic in tests.
 * Thread-safe: the scripted source advances it while workers read it.
 */
public final class ManualClock implements Clock {
    private volatile long now;

    public ManualClock() {
        this(0L);
    }

    public ManualClock(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public long millis() {
        return now;
    }

    /** Moves the clock to {@code millis}; moving it backwards is an error. */
    public synchronized void setTo(long millis) {
        if (millis < now) {
            throw new IllegalArgumentException("ManualClock cannot go back from " + now + " to " + millis);
        }
        now = millis;
    }

    public synchronized void advance(long deltaMillis) {
        setTo(now + deltaMillis);
    }
}
