package dev.runnel.api.java.tuple;

/** The tuple without fields; all instances are equal and print as {@code ()}. */
public class Tuple0 extends Tuple {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final Tuple0 INSTANCE = new Tuple0();

    public Tuple0() {}

    public static Tuple0 of() {
        return INSTANCE;
    }

    @Override
    public int getArity() {
        return 0;
    }

    @Override
    public <T> T getField(int pos) {
        throw noField(pos);
    }

    @Override
    public <T> void setField(T value, int pos) {
        throw noField(pos);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple0 copy() {
        return new Tuple0();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple0;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "()";
    }
}
