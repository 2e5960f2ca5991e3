package dev.runnel.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** How values are written on Flink's wire and in its state: Flink's POJO serializer where it suits the class, Runnel's codec otherwise. */
class AnySerializerTest {
    /** A POJO to Flink: public fields, a no-argument constructor. */
    public static final class Reading {
        public String sensor;
        public long ts;
        public double[] values;
    }

    /** A record whose field Flink would hand to Kryo. */
    record Tagged(String id, List<String> tags) {}

    /** A POJO with a Runnel serializer registered for it. */
    public static final class Custom {
        public int n;
    }

    private static byte[] write(Object value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        AnySerializer.INSTANCE.serialize(value, out);
        return out.getCopyOfBuffer();
    }

    private static Object read(byte[] bytes) throws IOException {
        return AnySerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes));
    }

    @Test
    void pojosGoThroughFlinksPojoSerializerByClassName() throws IOException {
        Reading r = new Reading();
        r.sensor = "s1";
        r.ts = 42;
        r.values = new double[] {1.5, 2.5};
        byte[] bytes = write(r);
        assertThat(bytes[0]).as("format byte: Flink's POJO serializer").isEqualTo((byte) 1);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).contains(Reading.class.getName());
        Reading back = (Reading) read(bytes);
        assertThat(back).isNotSameAs(r);
        assertThat(back.sensor).isEqualTo("s1");
        assertThat(back.ts).isEqualTo(42);
        assertThat(back.values).containsExactly(1.5, 2.5);
        assertThat(((Reading) AnySerializer.INSTANCE.copy(r)).values).containsExactly(1.5, 2.5);
    }

    /** Another POJO, to interleave with {@link Reading} on one stream. */
    public static final class Other {
        public int n;
    }

    @Test
    void aPojoIsTheFormatByteTheClassNameAsWriteUtfWritesItThenFlinksFields() throws IOException {
        Other o = new Other();
        o.n = 5;
        DataOutputSerializer expected = new DataOutputSerializer(64);
        expected.writeByte(1);
        expected.writeUTF(Other.class.getName());
        org.apache.flink.api.java.typeutils.TypeExtractor.createTypeInfo(Other.class)
            .createSerializer(new org.apache.flink.api.common.serialization.SerializerConfigImpl()).serialize(o, expected);
        assertThat(write(o)).isEqualTo(expected.getCopyOfBuffer()); // what savepoints of earlier runners hold
    }

    @Test
    void interleavedPojoClassesReadBackOnOneStream() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        for (int i = 0; i < 6; i++) {
            if (i % 3 == 2) {
                Other o = new Other();
                o.n = i;
                AnySerializer.INSTANCE.serialize(o, out);
            } else {
                Reading r = new Reading();
                r.sensor = "s" + i;
                AnySerializer.INSTANCE.serialize(r, out);
            }
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        List<String> back = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Object value = AnySerializer.INSTANCE.deserialize(in);
            back.add(value instanceof Other o ? "other " + o.n : "reading " + ((Reading) value).sensor);
        }
        assertThat(back).containsExactly("reading s0", "reading s1", "other 2", "reading s3", "reading s4", "other 5");
    }

    @Test
    void classesWithFieldsFlinkWouldGiveToKryoGoByRunnelsCodec() throws IOException {
        Tagged t = new Tagged("a", List.of("x", "y"));
        byte[] bytes = write(t);
        assertThat(bytes[0]).as("format byte: Runnel's codec").isEqualTo((byte) 0);
        assertThat(read(bytes)).isEqualTo(t);
        assertThat(write(7L)[0]).isEqualTo((byte) 0);
        assertThat(read(write("text"))).isEqualTo("text");
        assertThat(read(write(null))).isNull();
    }

    @Test
    void aRegisteredRunnelSerializerWinsOverFlinksPojoSerializer() throws IOException {
        AnySerializer.register(Map.of(Custom.class, new dev.runnel.checkpoint.TypeSerializer<Custom>() {
            @Override
            public void serialize(Custom value, DataOutput out) throws IOException {
                out.writeInt(value.n * 10);
            }

            @Override
            public Custom deserialize(DataInput in) throws IOException {
                Custom c = new Custom();
                c.n = in.readInt();
                return c;
            }
        }));
        Custom c = new Custom();
        c.n = 3;
        byte[] bytes = write(c);
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(((Custom) read(bytes)).n).as("the registered serializer's encoding").isEqualTo(30);
    }
}
