package dev.runnel.cep.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.cep.pattern.conditions.IterativeCondition;
import dev.runnel.cep.pattern.conditions.SimpleCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Conditions evaluated as Java ({@link DirectConditions}) give CEL's answer: over random well-typed
 * expressions (fields of every kind, literals, comparisons, mixed int/double comparisons, logic,
 * arithmetic, ternaries, {@code in}) and random events full of edge values (NaN, -0.0, infinities,
 * integers beyond 2^53, overflowing sums, zero divisors, null strings and boxes), each condition
 * compiled both ways returns the same boolean or fails with the same message on every event.
 */
class DirectConditionsPropertyTest {
    enum Kind { CARD, WIRE }

    record Ev(int type, long amount, double price, String name, boolean flag, Long boxed, Double ratio, Kind kind, char grade) {}

    /** The same fields as public fields and getters (read through method handles, not the metafactory). */
    public static final class Pojo {
        public int type;
        public double price;
        public String name;
        public Long boxed;
        public Kind kind;
        private final long amount;
        private final boolean flag;
        private final Double ratio;
        private final char grade;

        Pojo(Ev e) {
            type = e.type();
            price = e.price();
            name = e.name();
            boxed = e.boxed();
            kind = e.kind();
            amount = e.amount();
            flag = e.flag();
            ratio = e.ratio();
            grade = e.grade();
        }

        public long getAmount() {
            return amount;
        }

        public boolean isFlag() {
            return flag;
        }

        public Double getRatio() {
            return ratio;
        }

        public char getGrade() {
            return grade;
        }

        @Override
        public String toString() {
            return "Pojo" + List.of(type, price, String.valueOf(name), String.valueOf(boxed), String.valueOf(kind), amount, flag,
                String.valueOf(ratio), grade);
        }
    }

    private static final long[] LONGS = {0, 1, -1, 2, 7, 100, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1,
        Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, 3_000_000_000L};
    private static final double[] DOUBLES = {0.0, -0.0, 1.5, -2.25, 100.0, 1e300, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 9.007199254740993E15, 7.0};
    private static final String[] STRINGS = {"", "a", "b", "CARD", "WIRE", "x", null};

    private final Random random = new Random(20261207);

    @Test
    void javaAndCelAgreeOnRandomExpressionsAndEvents() throws Exception {
        List<Ev> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(randomEvent());
        }
        agree(Ev.class, events);
    }

    @Test
    void javaAndCelAgreeOnPublicFieldsAndGetters() throws Exception {
        List<Pojo> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(new Pojo(randomEvent()));
        }
        agree(Pojo.class, events);
    }

    private <E> void agree(Class<E> type, List<E> events) throws Exception {
        EventFields<E> fields = EventFields.of(type);
        CelConditions<E> direct = new CelConditions<>(fields, null, true);
        CelConditions<E> cel = new CelConditions<>(fields, null, false);
        int compiled = 0;
        int ranAsJava = 0;
        int compared = 0;
        for (int i = 0; i < 3000; i++) {
            String expression = bool(3);
            IterativeCondition<E> a;
            IterativeCondition<E> b;
            try {
                a = direct.compile(expression, "where", Set.of());
                b = cel.compile(expression, "where", Set.of());
            } catch (RuleCompileException e) {
                continue; // not well typed for CEL (e.g. an int compared with a double under ==)
            }
            compiled++;
            if (CelConditions.isDirect(a)) {
                ranAsJava++;
            }
            assertThat(CelConditions.isDirect(b)).isFalse();
            for (E e : events) {
                assertThat(outcome(a, e)).as("%s on %s", expression, e).isEqualTo(outcome(b, e));
                compared++;
            }
        }
        assertThat(compiled).isGreaterThan(1500);
        assertThat(ranAsJava).as("expressions compiled to Java").isGreaterThan(compiled * 8 / 10);
        assertThat(compared).isGreaterThan(90_000);
    }

    @Test
    void publicFieldsAreReadByGeneratedClasses() throws Exception {
        Pojo p = new Pojo(new Ev(7, 8, 2.5, "n", true, 9L, 0.5, Kind.WIRE, 'a'));
        java.util.function.ToLongFunction<Pojo> type = FieldReaders.longs(Pojo.class.getField("type"));
        java.util.function.ToDoubleFunction<Pojo> price = FieldReaders.doubles(Pojo.class.getField("price"));
        java.util.function.Function<Pojo, Object> name = FieldReaders.objects(Pojo.class.getField("name"));
        assertThat(type.applyAsLong(p)).isEqualTo(7);
        assertThat(price.applyAsDouble(p)).isEqualTo(2.5);
        assertThat(name.apply(p)).isEqualTo("n");
        assertThat(List.of(type, price, name)).allSatisfy(r -> assertThat(r.getClass().getName()).contains("RunnelFieldReader"));
    }

    @Test
    void expressionsOutsideTheSubsetStayWithCel() throws Exception {
        CelConditions<Ev> conditions = new CelConditions<>(EventFields.of(Ev.class), null, true);
        assertThat(CelConditions.isDirect(conditions.compile("name.startsWith('a')", "w", Set.of()))).isFalse();
        assertThat(CelConditions.isDirect(conditions.compile("amount % 2 == 0", "w", Set.of()))).isFalse();
        assertThat(CelConditions.isDirect(conditions.compile("type == 1 && price > 2.0", "w", Set.of()))).isTrue();
        assertThat(CelConditions.isDirect(conditions.compile("kind in ['CARD']", "w", Set.of()))).isTrue();
    }

    private static <E> String outcome(IterativeCondition<E> condition, E e) {
        try {
            return String.valueOf(((SimpleCondition<E>) condition).filter(e));
        } catch (Exception x) {
            return "error: " + x.getMessage();
        }
    }

    private Ev randomEvent() {
        return new Ev((int) pick(LONGS), pick(LONGS), pick(DOUBLES), STRINGS[random.nextInt(STRINGS.length)],
            random.nextBoolean(), random.nextInt(4) == 0 ? null : pick(LONGS),
            random.nextInt(4) == 0 ? null : pick(DOUBLES), random.nextInt(5) == 0 ? null : Kind.values()[random.nextInt(2)],
            "ab".charAt(random.nextInt(2)));
    }

    private long pick(long[] values) {
        return values[random.nextInt(values.length)];
    }

    private double pick(double[] values) {
        return values[random.nextInt(values.length)];
    }

    private String bool(int depth) {
        int choice = random.nextInt(depth <= 0 ? 3 : 12);
        return switch (choice) {
            case 0 -> "flag";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> "type " + cmp() + " " + intLiteral();
            case 3 -> "(" + integer(depth - 1) + " " + cmp() + " " + integer(depth - 1) + ")";
            case 4 -> "(" + dbl(depth - 1) + " " + cmp() + " " + dbl(depth - 1) + ")";
            case 5 -> "(" + dbl(depth - 1) + " " + cmp() + " " + integer(depth - 1) + ")";
            case 6 -> "(" + str(depth - 1) + (random.nextBoolean() ? " == " : " != ") + str(depth - 1) + ")";
            case 7 -> "(" + bool(depth - 1) + (random.nextBoolean() ? " && " : " || ") + bool(depth - 1) + ")";
            case 8 -> "!" + bool(depth - 1);
            case 9 -> "(" + integer(depth - 1) + " in [1, 7, 100, 9223372036854775807])";
            case 10 -> "(" + str(depth - 1) + " in ['a', 'CARD', ''])";
            default -> "(" + bool(depth - 1) + " ? " + bool(depth - 1) + " : " + bool(depth - 1) + ")";
        };
    }

    private String integer(int depth) {
        int choice = random.nextInt(depth <= 0 ? 4 : 7);
        return switch (choice) {
            case 0 -> "type";
            case 1 -> "amount";
            case 2 -> "boxed";
            case 3 -> intLiteral();
            case 4 -> "(" + integer(depth - 1) + " " + "+-*/".charAt(random.nextInt(4)) + " " + integer(depth - 1) + ")";
            case 5 -> "-" + integer(depth - 1);
            default -> "(" + bool(depth - 1) + " ? " + integer(depth - 1) + " : " + integer(depth - 1) + ")";
        };
    }

    private String dbl(int depth) {
        int choice = random.nextInt(depth <= 0 ? 3 : 5);
        return switch (choice) {
            case 0 -> "price";
            case 1 -> "ratio";
            case 2 -> String.valueOf(new double[] {0.0, -0.0, 1.5, 7.0, 1e300, 9.007199254740993E15}[random.nextInt(6)]);
            case 3 -> "(" + dbl(depth - 1) + " " + "+-*/".charAt(random.nextInt(4)) + " " + dbl(depth - 1) + ")";
            default -> "-" + dbl(depth - 1);
        };
    }

    private String str(int depth) {
        return switch (random.nextInt(5)) {
            case 0 -> "name";
            case 1 -> "kind";
            case 2 -> "grade";
            case 3 -> "'" + new String[] {"", "a", "CARD", "WIRE"}[random.nextInt(4)] + "'";
            default -> depth > 0 ? "(" + bool(depth - 1) + " ? " + str(depth - 1) + " : " + str(depth - 1) + ")" : "name";
        };
    }

    private String intLiteral() {
        return String.valueOf(new long[] {0, 1, -1, 7, 100, 1L << 53, (1L << 53) + 1, Long.MAX_VALUE}[random.nextInt(8)]);
    }

    private String cmp() {
        return new String[] {"==", "!=", "<", "<=", ">", ">="}[random.nextInt(6)];
    }
}
