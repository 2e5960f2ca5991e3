package dev.runnel.api.sink;

import dev.runnel.api.functions.Sink;
import java.io.PrintStream;

/**
 * Prints each record on its own line, with an optional prefix ("prefix> record"). At-least-once: a
 * job restored from a checkpoint prints again what it printed after that checkpoint.
 */
public final class PrintSink<T> implements Sink<T> {
    private final String prefix;
    private final PrintStream out;

    public PrintSink(String prefix) {
        this(prefix, System.out);
    }

    public PrintSink(String prefix, PrintStream out) {
        this.prefix = prefix;
        this.out = out;
    }

    @Override
    public void invoke(T value) {
        String line = prefix == null ? String.valueOf(value) : prefix + "> " + value;
        synchronized (out) {
            out.println(line);
        }
    }
}
