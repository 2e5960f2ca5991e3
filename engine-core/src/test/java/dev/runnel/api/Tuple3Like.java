package dev.runnel.api;

import dev.runnel.api.source.ScriptedSource;

/**
 * A Flink-style tuple for tests (public fields {@code f0}..{@code f2}, a no-argument constructor,
 * {@code toString} "(a,b,c)"), so that aggregations by position are tested on any such class, not on
 * one tuple implementation.
 */
public final class Tuple3Like<A, B, C> implements java.io.Serializable {
    public A f0;
    public B f1;
    public C f2;

    public Tuple3Like() {}

    public Tuple3Like(A f0, B f1, C f2) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
    }

    public static <A, B, C> Tuple3Like<A, B, C> of(A f0, B f1, C f2) {
        return new Tuple3Like<>(f0, f1, f2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple3Like<?, ?, ?> t && java.util.Objects.equals(f0, t.f0) && java.util.Objects.equals(f1, t.f1)
            && java.util.Objects.equals(f2, t.f2);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(f0, f1, f2);
    }

    @Override
    public String toString() {
        return "(" + f0 + "," + f1 + "," + f2 + ")";
    }

    /** Steps "a,3,10@5" (the tuple (a,3,10) at timestamp 5) and "W20" (watermark 20), as the Flink probes script them. */
    public static ScriptedSource<Tuple3Like<String, Integer, Integer>> script(String... steps) {
        ScriptedSource<Tuple3Like<String, Integer, Integer>> s = ScriptedSource.create();
        for (String step : steps) {
            if (step.startsWith("W")) {
                s.watermark(Long.parseLong(step.substring(1)));
                continue;
            }
            String[] at = step.split("@");
            String[] f = at[0].split(",");
            s.event(of(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])), Long.parseLong(at[1]));
        }
        return s;
    }
}
