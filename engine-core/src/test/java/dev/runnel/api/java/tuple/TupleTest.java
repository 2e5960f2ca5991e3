package dev.runnel.api.java.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class TupleTest {

    @Test
    void tuplesPrintTheirFieldsInParenthesesSeparatedByCommasAsFlinkDoes() {
        assertThat(Tuple0.INSTANCE).hasToString("()");
        assertThat(Tuple1.of("a")).hasToString("(a)");
        assertThat(Tuple2.of("be", 2)).hasToString("(be,2)");
        assertThat(Tuple3.of("a", 1L, null)).hasToString("(a,1,null)");
        assertThat(Tuple4.of(1, 2, 3, 4)).hasToString("(1,2,3,4)");
        assertThat(Tuple5.of(new int[] {1, 2}, "x", 'c', 1.5, true)).hasToString("([1, 2],x,c,1.5,true)");
    }

    @Test
    void fieldsArePublicAndAddressableByPosition() {
        Tuple3<String, Long, Integer> t = new Tuple3<>("a", 1L, 2);
        t.f2 = t.f2 + 1;
        assertThat((Integer) t.getField(2)).isEqualTo(3);
        t.setField(5L, 1);
        assertThat(t.f1).isEqualTo(5L);
        t.setFields("b", 6L, 7);
        assertThat(t).isEqualTo(Tuple3.of("b", 6L, 7));
        assertThat(t.getArity()).isEqualTo(3);
        assertThatThrownBy(() -> t.getField(3)).isInstanceOf(IndexOutOfBoundsException.class)
            .hasMessage("Tuple of arity 3 has no field 3");
        assertThatThrownBy(() -> Tuple2.of(null, 1).getFieldNotNull(0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void equalTuplesHaveEqualHashCodesAndCopiesAreEqualButDistinct() {
        Tuple2<String, Integer> a = Tuple2.of("x", 1);
        Tuple2<String, Integer> copy = a.copy();
        assertThat(copy).isEqualTo(a).isNotSameAs(a).hasSameHashCodeAs(a);
        assertThat(a).isNotEqualTo(Tuple2.of("x", 2)).isNotEqualTo(Tuple3.of("x", 1, null));
        assertThat(a.swap()).isEqualTo(Tuple2.of(1, "x"));
        assertThat(new Tuple2<>()).isEqualTo(Tuple2.of(null, null));
    }

    @Test
    void tuplesOfEachArityAreCreatedByArityAndSurviveJavaSerialization() throws Exception {
        for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
            Tuple t = Tuple.newInstance(arity);
            assertThat(t.getArity()).isEqualTo(arity);
            assertThat(t.getClass()).isEqualTo(Tuple.getTupleClass(arity));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(Tuple4.of("a", 1, 2L, 3.0));
        }
        Object back = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertThat(back).isEqualTo(Tuple4.of("a", 1, 2L, 3.0));
        assertThatThrownBy(() -> Tuple.getTupleClass(26)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Runnel has tuples of arity 0 to 25, not 26");
    }

    @Test
    void wideTuplesGoUpToFlinksTwentyFiveFields() {
        Tuple7<String, Integer, Long, Double, Boolean, Character, String> seven = Tuple7.of("a", 1, 2L, 3.5, true, 'c', null);
        assertThat(seven).hasToString("(a,1,2,3.5,true,c,null)").isEqualTo(seven.copy()).hasSameHashCodeAs(seven.copy());
        assertThat(seven.getArity()).isEqualTo(7);
        seven.setField("z", 6);
        assertThat(seven.f6).isEqualTo("z");
        assertThat(seven).isNotEqualTo(Tuple7.of("a", 1, 2L, 3.5, true, 'c', null));

        Tuple25<Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
            Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer> wide = new Tuple25<>();
        for (int i = 0; i < 25; i++) {
            wide.setField(i * 10, i);
        }
        assertThat(wide.f24).isEqualTo(240);
        assertThat((Integer) wide.getField(13)).isEqualTo(130);
        assertThat(wide.toString()).startsWith("(0,10,20,").endsWith(",230,240)");
        assertThatThrownBy(() -> wide.getField(25)).isInstanceOf(IndexOutOfBoundsException.class)
            .hasMessage("Tuple of arity 25 has no field 25");
    }
}
