package dev.runnel.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.java.tuple.Tuple2;
import dev.runnel.api.java.tuple.Tuple3;
import dev.runnel.api.java.tuple.Tuple6;
import dev.runnel.api.types.Either;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeInformationTest {

    @Test
    void typeHintCapturesTheGenericTypeOfItsAnonymousSubclass() {
        TypeInformation<Tuple2<String, List<Long>>> info = TypeInformation.of(new TypeHint<Tuple2<String, List<Long>>>() {});
        assertThat(info.getTypeClass()).isEqualTo(Tuple2.class);
        assertThat(info.isTupleType()).isTrue();
        assertThat(info.getArity()).isEqualTo(2);
        assertThat(info).hasToString("dev.runnel.api.java.tuple.Tuple2<java.lang.String, java.util.List<java.lang.Long>>");
    }

    @Test
    void typesGiveTheClassOfEachFlinkTypeConstantAndFactory() {
        assertThat(Types.STRING.getTypeClass()).isEqualTo(String.class);
        assertThat(Types.LONG.getTypeClass()).isEqualTo(Long.class);
        assertThat(Types.BOOLEAN.getArity()).isEqualTo(1);
        TypeInformation<Tuple3<String, Integer, Long>> tuple = Types.TUPLE(Types.STRING, Types.INT, Types.LONG);
        assertThat(tuple.getTypeClass()).isEqualTo(Tuple3.class);
        assertThat(tuple).hasToString("Tuple3<java.lang.String, java.lang.Integer, java.lang.Long>");
        TypeInformation<Map<String, List<Integer>>> map = Types.MAP(Types.STRING, Types.LIST(Types.INT));
        assertThat(map.getTypeClass()).isEqualTo(Map.class);
        assertThat(Types.PRIMITIVE_ARRAY(Types.INT).getTypeClass()).isEqualTo(int[].class);
        assertThat(Types.OBJECT_ARRAY(Types.STRING).getTypeClass()).isEqualTo(String[].class);
        assertThat(Types.EITHER(Types.STRING, Types.INT).getTypeClass()).isEqualTo(Either.class);
        assertThat(Types.POJO(StringBuilder.class)).isEqualTo(TypeInformation.of(StringBuilder.class));
        assertThat(Types.TUPLE(Types.INT, Types.INT, Types.INT, Types.INT, Types.INT, Types.INT).getTypeClass()).isEqualTo(Tuple6.class);
        TypeInformation<?>[] tooMany = new TypeInformation<?>[26];
        java.util.Arrays.fill(tooMany, Types.INT);
        assertThatThrownBy(() -> Types.TUPLE(tooMany))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("Runnel has tuples of arity 0 to 25, not 26");
    }

    @Test
    void aTypeHintWithoutATypeArgumentIsRefusedWithTheIdiomToUse() {
        assertThatThrownBy(() -> new RawHint()).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("new TypeHint<Tuple2<String, Long>>() {}");
    }

    @SuppressWarnings("rawtypes")
    private static final class RawHint extends TypeHint {}
}
