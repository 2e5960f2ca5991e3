package dev.runnel.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Array accumulators held as primitives read back equal and independent; contents of any other
 * shape, or an array of another length or type later in the slice, keep every entry as it was.
 */
class SliceContentsTest {

    @Test
    void doubleArraysReadBackAsEqualCopies() {
        SliceTable table = new SliceTable(true, 4);
        for (int k = 0; k < 200; k++) {
            table.append((long) k, new double[] {k, -k});
        }
        double[] third = (double[]) table.contents(3);
        assertThat(third).containsExactly(3.0, -3.0);
        third[0] = 99;
        assertThat((double[]) table.contents(3)).as("a copy: changed only when written back").containsExactly(3.0, -3.0);
        table.setContents(3, third);
        assertThat((double[]) table.contents(3)).containsExactly(99.0, -3.0);
        assertThat((double[]) table.contents(199)).containsExactly(199.0, -199.0);
    }

    @Test
    void longArraysReadBackAsEqualCopies() {
        SliceTable table = new SliceTable(true, 4);
        table.append("a", new long[] {Long.MAX_VALUE});
        table.append("b", new long[] {-1});
        assertThat((long[]) table.contents(0)).containsExactly(Long.MAX_VALUE);
        assertThat((long[]) table.contents(1)).containsExactly(-1L);
    }

    @Test
    void anArrayOfAnotherLengthOrTypeKeepsEveryEntry() {
        SliceTable table = new SliceTable(true, 4);
        table.append(1L, new double[] {1});
        table.append(2L, new double[] {2});
        table.setContents(1, new double[] {2, 3}); // a function whose accumulator grows
        table.append(3L, new long[] {4});
        table.append(4L, "text");
        assertThat((double[]) table.contents(0)).containsExactly(1.0);
        assertThat((double[]) table.contents(1)).containsExactly(2.0, 3.0);
        assertThat((long[]) table.contents(2)).containsExactly(4L);
        assertThat(table.contents(3)).isEqualTo("text");
    }

    @Test
    void objectContentsAreTheSameObjects() {
        SliceTable table = new SliceTable(true, 4);
        List<String> elements = List.of("x");
        table.append(1, elements);
        assertThat(table.contents(0)).isSameAs(elements);
    }

    @Test
    void aResetTableTakesContentsOfAnotherShape() {
        SliceTable table = new SliceTable(true, 4);
        for (int k = 0; k < 100; k++) {
            table.append(k, "v" + k);
        }
        table.reset(1_000);
        for (int k = 0; k < 300; k++) {
            table.append(k, new double[] {k, k, k});
        }
        assertThat((double[]) table.contents(299)).containsExactly(299.0, 299.0, 299.0);
        table.reset(2_000);
        table.append(7, new long[] {7});
        table.append(8, "eight");
        assertThat((long[]) table.contents(0)).containsExactly(7L);
        assertThat(table.contents(1)).isEqualTo("eight");
    }

    @Test
    void withoutPrimitivesArraysAreTheStoredObjects() {
        SliceTable table = new SliceTable(false, 4);
        double[] sum = {1};
        Long key = 1_000L;
        table.append(key, sum);
        assertThat(table.contents(0)).isSameAs(sum);
        assertThat(table.key(0)).isSameAs(key);
    }
}
