package dev.runnel.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A named benchmark: its default event count and how to run it once. */
public record Workload(String name, long defaultEvents, Job job, String description) {

    /** Runs the workload on {@code n} events; returns the number of outputs (or a checksum for H0). */
    @FunctionalInterface
    public interface Job {
        long run(long n, long seed);
    }

    private static final Map<String, Workload> ALL = new LinkedHashMap<>();

    static {
        add("H0", 100_000_000, Baselines::h0, "the generator alone");
        add("H1", 10_000_000, (n, s) -> Baselines.h1(n, s, Baselines.DISCARD), "W1 by hand, java.util.HashMap");
        add("H1P", 10_000_000, (n, s) -> Baselines.h1p(n, s, Baselines.DISCARD), "W1 by hand, Agrona primitive maps");
        add("W0", 100_000_000, (n, s) -> EngineWorkloads.w0(n, s, 1), "source -> map -> sink");
        add("W1", 10_000_000, (n, s) -> EngineWorkloads.w1(n, s, 1), "keyBy(key % 10k) -> tumbling 1 s -> sum");
        add("W2", 1_000_000, (n, s) -> EngineWorkloads.w2(n, s, 1), "keyBy(key % 10k) -> sliding 10 s / 1 s -> sum");
        add("W3", 2_000_000, (n, s) -> EngineWorkloads.w3(n, s, 1), "keyBy(key % 1k) -> sessions, gap 500 ms -> sum");
        add("W4", 10_000_000, (n, s) -> EngineWorkloads.w4(n, s, 1), "keyBy(key % 10k) -> process: counter + timer");
        add("W5", 3_000_000, CepWorkloads::w5, "CEP a(type 0) followedBy b(type 1) within 10 s");
        add("W6", 3_000_000, CepWorkloads::w6, "CEP first(type 0) next rest(type 0) times(4) within 5 min");
        add("W7", 1_000_000, CepWorkloads::w7, "CEP large(>9000) followedBy small(<100) times(3) within 1 h");
        add("W5R", 3_000_000, DynamicCepWorkloads::w5r, "W5 as a JSON rule through CEP.dynamicPatterns (CEL conditions)");
        add("W6R", 3_000_000, DynamicCepWorkloads::w6r, "W6 as a JSON rule through CEP.dynamicPatterns (CEL conditions)");
        add("W6R100", 300_000, DynamicCepWorkloads::w6r100, "100 W6-like JSON rules at once on W6's input");
        add("W1p2", 10_000_000, (n, s) -> EngineWorkloads.w1(n, s, 2), "W1 at parallelism 2");
        add("W4p2", 10_000_000, (n, s) -> EngineWorkloads.w4(n, s, 2), "W4 at parallelism 2");
    }

    private static void add(String name, long events, Job job, String description) {
        ALL.put(name, new Workload(name, events, job, description));
    }

    public static Workload named(String name) {
        Workload w = ALL.get(name);
        if (w == null) {
            throw new IllegalArgumentException("Unknown workload '" + name + "'; known: " + ALL.keySet());
        }
        return w;
    }

    public static List<Workload> all() {
        return new ArrayList<>(ALL.values());
    }
}
