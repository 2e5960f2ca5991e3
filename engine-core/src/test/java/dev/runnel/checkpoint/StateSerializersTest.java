package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateSerializersTest {
    enum Color { RED, GREEN }

    record Reading(String sensor, double value, Color color, Instant at) implements Serializable {}

    /** Deliberately not Serializable. */
    static final class Opaque {
        final int x;

        Opaque(int x) {
            this.x = x;
        }
    }

    record Holder(Opaque opaque) implements Serializable {}

    private static Object roundTrip(StateSerializers s, Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.write("st", value, new DataOutputStream(bytes));
        return s.read("st", new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void commonTypesRoundTripByDefault() throws IOException {
        StateSerializers s = new StateSerializers();
        Map<String, List<Reading>> map = new HashMap<>();
        map.put("a", new ArrayList<>(List.of(new Reading("s1", 1.5, Color.GREEN, Instant.ofEpochMilli(42)))));
        assertThat(roundTrip(s, map)).isEqualTo(map);
        assertThat(roundTrip(s, 7L)).isEqualTo(7L);
        assertThat(roundTrip(s, "text")).isEqualTo("text");
        assertThat(roundTrip(s, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(roundTrip(s, Color.RED)).isSameAs(Color.RED);
        assertThat(roundTrip(s, null)).isNull();
    }

    @Test
    void numbersStringsAndPrimitiveArraysAreWrittenDirectly() throws IOException {
        StateSerializers s = new StateSerializers();
        assertThat(roundTrip(s, -3)).isEqualTo(-3);
        assertThat(roundTrip(s, 2.5d)).isEqualTo(2.5d);
        assertThat(roundTrip(s, "naïve 日本")).isEqualTo("naïve 日本");
        assertThat((long[]) roundTrip(s, new long[] {1, -2, Long.MAX_VALUE})).containsExactly(1, -2, Long.MAX_VALUE);
        assertThat((double[]) roundTrip(s, new double[] {0.5, Double.NaN})).containsExactly(0.5, Double.NaN);
        assertThat((int[]) roundTrip(s, new int[0])).isEmpty();
        String long20k = "x".repeat(20_000); // beyond writeUTF's limit: Java serialization takes it
        assertThat(roundTrip(s, long20k)).isEqualTo(long20k);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.write("st", 7L, new DataOutputStream(bytes));
        assertThat(bytes.size()).isEqualTo(9);
    }

    /** Not Serializable, as records usually are not. */
    record Point(String name, long x, double y, Color color) {}

    @Test
    void recordsThatAreNotSerializableAreWrittenByTheirComponentsWhereverTheyAre() throws IOException {
        StateSerializers s = new StateSerializers();
        Point p = new Point("p", 3, 1.5, Color.RED);
        assertThat(roundTrip(s, p)).isEqualTo(p);
        List<Point> list = new ArrayList<>(List.of(p, new Point("q", -1, 0, Color.GREEN), p));
        @SuppressWarnings("unchecked")
        List<Point> back = (List<Point>) roundTrip(s, list);
        assertThat(back).isEqualTo(list);
        assertThat(back.get(0)).isSameAs(back.get(2)); // shared references stay shared
    }

    @Test
    void aRegisteredSerializerIsUsedForItsType() throws IOException {
        StateSerializers s = new StateSerializers().register(Opaque.class, new TypeSerializer<>() {
            @Override
            public void serialize(Opaque value, DataOutput out) throws IOException {
                out.writeInt(value.x);
            }

            @Override
            public Opaque deserialize(DataInput in) throws IOException {
                return new Opaque(in.readInt());
            }
        });
        assertThat(((Opaque) roundTrip(s, new Opaque(17))).x).isEqualTo(17);
    }

    @Test
    void aValueThatCannotBeSerializedFailsNamingTheStateAndType() {
        StateSerializers s = new StateSerializers();
        assertThatThrownBy(() -> s.write("counter/byUser", new Holder(new Opaque(1)), new DataOutputStream(new ByteArrayOutputStream())))
            .isInstanceOf(StateSerializationException.class)
            .hasMessageContaining("'counter/byUser'")
            .hasMessageContaining(Holder.class.getName())
            .hasMessageContaining(Opaque.class.getName())
            .hasMessageContaining("register a TypeSerializer");
    }

    @Test
    void restoringWithoutTheSerializerThatWroteAValueFailsClearly() throws IOException {
        StateSerializers writer = new StateSerializers().register(Opaque.class, new TypeSerializer<>() {
            @Override
            public void serialize(Opaque value, DataOutput out) throws IOException {
                out.writeInt(value.x);
            }

            @Override
            public Opaque deserialize(DataInput in) throws IOException {
                return new Opaque(in.readInt());
            }
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write("st", new Opaque(3), new DataOutputStream(bytes));
        assertThatThrownBy(() -> new StateSerializers().read("st", new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
            .isInstanceOf(StateSerializationException.class)
            .hasMessageContaining("'st'")
            .hasMessageContaining(Opaque.class.getName());
    }
}
