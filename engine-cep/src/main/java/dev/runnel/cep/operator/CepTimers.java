package dev.runnel.cep.operator;

import dev.runnel.cep.nfa.KeyMatches;
import dev.runnel.checkpoint.SnapshotBuffer;
import dev.runnel.checkpoint.StateSerializers;
import dev.runnel.runtime.OperatorException;
import dev.runnel.time.TimerQueue;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link CepOperator}'s timers in a checkpoint. Their keys are {@link KeyMatches} objects (timeouts,
 * same-timestamp groups) or user keys with the buffered event as namespace; timers are written in firing
 * order and registered again exactly, duplicates included. A buffered event's tag (what its arrival
 * checks found) is not written: a restored event is released down the full path, which needs none.
 */
final class CepTimers {
    private static final byte EVENT_TIMER = 0;
    private static final byte TIMEOUT_TIMER = 1;
    private static final byte SAME_TIMESTAMP_TIMER = 2;

    private final String operator;
    private final Object timeout;
    private final Object sameTimestamp;
    private final Function<Object, KeyMatches> existing;
    private final Predicate<Object> owned;

    /**
     * {@code timeout} and {@code sameTimestamp}: the operator's namespaces of per-key timers; {@code existing}: a
     * key's live matches, if any; {@code owned}: whether this subtask owns a key (after a change of parallelism).
     */
    CepTimers(String operator, Object timeout, Object sameTimestamp, Function<Object, KeyMatches> existing,
              Predicate<Object> owned) {
        this.operator = operator;
        this.timeout = timeout;
        this.sameTimestamp = sameTimestamp;
        this.existing = existing;
        this.owned = owned;
    }

    void write(TimerQueue timers, DataOutput out, StateSerializers serializers, String what) throws IOException {
        SnapshotBuffer bytes = new SnapshotBuffer();
        DataOutputStream buffer = bytes.data();
        String keyWhat = what + " (key)";
        String eventWhat = what + " (buffered event)";
        long[] count = {0};
        timers.forEach((time, key, namespace) -> {
            if (namespace == timeout || namespace == sameTimestamp) {
                KeyMatches km = (KeyMatches) key;
                if (existing.apply(km.key()) != km) {
                    return; // left behind by a key that held nothing for a while: it would fire for nothing
                }
                buffer.writeByte(namespace == timeout ? TIMEOUT_TIMER : SAME_TIMESTAMP_TIMER);
                buffer.writeLong(time);
                serializers.write(keyWhat, km.key(), buffer);
            } else {
                buffer.writeByte(EVENT_TIMER);
                buffer.writeLong(time);
                serializers.write(keyWhat, key, buffer);
                serializers.write(eventWhat, namespace, buffer);
            }
            count[0]++;
        });
        out.writeLong(count[0]);
        bytes.copyTo(out);
    }

    /** Registers the timers {@link #write} wrote, of the keys this subtask owns; returns how many buffered events they hold. */
    long read(TimerQueue timers, DataInput in, StateSerializers serializers, String what) throws IOException {
        String keyWhat = what + " (key)";
        String eventWhat = what + " (buffered event)";
        long events = 0;
        for (long n = in.readLong(); n > 0; n--) {
            byte kind = in.readByte();
            long time = in.readLong();
            Object key = serializers.read(keyWhat, in);
            if (kind == EVENT_TIMER) {
                Object event = serializers.read(eventWhat, in);
                if (owned.test(key)) {
                    timers.registerUnique(key, event, time);
                    events++;
                }
            } else if (owned.test(key)) {
                KeyMatches km = existing.apply(key);
                if (km == null) {
                    throw new IOException("Operator '" + operator + "': a restored timer refers to key "
                        + OperatorException.abbreviate(key) + ", which has no restored partial matches");
                }
                timers.registerUnique(km, kind == TIMEOUT_TIMER ? timeout : sameTimestamp, time);
            }
        }
        return events;
    }
}
