package dev.runnel.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A slice table finds each key at the position it was appended at, with keys of any type and after reuse. */
class SliceTableTest {

    @Test
    void integerKeysAreFoundByValueAndOtherTypesAreNotThere() {
        SliceTable table = new SliceTable(true, 4);
        for (int k = 0; k < 1_000; k++) {
            assertThat(table.append(k * 7, "v" + k)).isEqualTo(k);
        }
        for (int k = 0; k < 1_000; k++) {
            assertThat(table.find(Integer.valueOf(k * 7))).isEqualTo(k); // a different Integer object of equal value
        }
        assertThat(table.find(3)).isEqualTo(-1);
        assertThat(table.find(7L)).as("a Long equal in value is another key, as in a HashMap").isEqualTo(-1);
        assertThat(table.find("7")).isEqualTo(-1);
    }

    @Test
    void longKeysAreFoundByValue() {
        SliceTable table = new SliceTable(true, 4);
        table.append(5_000_000_000L, "a");
        table.append(-1L, "b");
        assertThat(table.find(Long.valueOf(5_000_000_000L))).isZero();
        assertThat(table.find(-1L)).isEqualTo(1);
        assertThat(table.find(-1)).isEqualTo(-1);
    }

    @Test
    void keysOfSeveralTypesShareOneTable() {
        SliceTable table = new SliceTable(true, 4);
        table.append(1, "int");
        table.append(2L, "long");
        table.append("three", "string");
        table.append(4, "int again");
        assertThat(table.find(1)).isZero();
        assertThat(table.find(2L)).isEqualTo(1);
        assertThat(table.find("three")).isEqualTo(2);
        assertThat(table.find(4)).isEqualTo(3);
        assertThat(table.find(2)).isEqualTo(-1);
    }

    @Test
    void aResetTableIsEmptyAndTakesKeysOfAnotherType() {
        SliceTable table = new SliceTable(true, 4);
        table.append(1, "a");
        table.reset(1_000);
        assertThat(table.find(1)).isEqualTo(-1);
        assertThat(table.count()).isZero();
        table.append("x", "b");
        table.append(1, "c");
        assertThat(table.find("x")).isZero();
        assertThat(table.find(1)).isEqualTo(1);
        table.reset(2_000);
        table.append(9L, "d");
        assertThat(table.find(9L)).isZero();
        assertThat(table.find("x")).isEqualTo(-1);
    }

    @Test
    void primitiveKeysReadBackEqualAndAKeyOfAnotherTypeKeepsThemFindable() {
        SliceTable table = new SliceTable(true, 4);
        for (long k = -500; k < 500; k++) {
            table.append(k * 1_000_003L, "v" + k); // grows the index several times
        }
        assertThat(table.key(0)).isEqualTo(-500L * 1_000_003L);
        assertThat(table.hash(0)).isEqualTo(Long.valueOf(-500L * 1_000_003L).hashCode());
        table.append("text", "t");
        table.append(-7, "int");
        for (long k = -500; k < 500; k++) {
            assertThat(table.find(k * 1_000_003L)).isEqualTo((int) (k + 500));
        }
        assertThat(table.find("text")).isEqualTo(1_000);
        assertThat(table.find(-7)).isEqualTo(1_001);
        assertThat(table.find(-7L)).isEqualTo(-1);
        assertThat(table.key(1_001)).isEqualTo(-7);
    }

    @Test
    void negativeIntegerKeysHashAsIntegers() {
        SliceTable table = new SliceTable(true, 4);
        table.append(-3, "a");
        table.append(Integer.MIN_VALUE, "b");
        assertThat(table.hash(0)).isEqualTo(Integer.valueOf(-3).hashCode());
        assertThat(table.find(Integer.MIN_VALUE)).isEqualTo(1);
        assertThat(table.key(1)).isEqualTo(Integer.MIN_VALUE);
        table.append("x", "c"); // boxes the ints; their hashes, and so the index, still hold
        assertThat(table.find(-3)).isZero();
        assertThat(table.find(Integer.MIN_VALUE)).isEqualTo(1);
    }

    @Test
    void keysHashesAndContentsSurviveGrowthBeforeAndAfterAChangeOfMode() {
        SliceTable table = new SliceTable(true, 4);
        for (long k = 0; k < 100; k++) {
            table.append(k * 1_000_003L, new double[] {k});
        }
        table.append("odd one", new double[] {-1});
        for (long k = 100; k < 300; k++) {
            table.append(k * 1_000_003L, new double[] {k});
        }
        assertThat(table.count()).isEqualTo(301);
        assertThat(table.capacity()).isEqualTo(512);
        for (long k = 0; k < 300; k++) {
            int at = table.find(k * 1_000_003L);
            assertThat(at).isEqualTo(k < 100 ? k : k + 1);
            assertThat(table.hash(at)).isEqualTo(Long.hashCode(k * 1_000_003L));
            assertThat((double[]) table.contents(at)).containsExactly(k);
        }
        assertThat(table.find("odd one")).isEqualTo(100);
        assertThat((double[]) table.contents(100)).containsExactly(-1);
    }

    @Test
    void aNewSliceStartsWithTheCapacityItsPredecessorGrewTo() {
        Slices slices = new Slices(true);
        SliceTable first = slices.open(0);
        for (int k = 0; k < 1_000; k++) {
            first.append(k, new long[] {k});
        }
        SliceTable second = slices.open(1_000);
        assertThat(second).isNotSameAs(first);
        assertThat(second.capacity()).isEqualTo(first.capacity()).isEqualTo(1_024);
    }
}
