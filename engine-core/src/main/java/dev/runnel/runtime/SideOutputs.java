package dev.runnel.runtime;

import dev.runnel.api.OutputTag;
import java.util.HashMap;
import java.util.Map;

/** The side-output consumers of one operator instance, by tag id. Values for unconsumed tags are dropped, as in Flink. */
public final class SideOutputs {
    private final Map<String, Output<Object>> byTag = new HashMap<>();

    @SuppressWarnings("unchecked")
    public void add(OutputTag<?> tag, Output<?> output) {
        Output<Object> previous = byTag.put(tag.getId(), (Output<Object>) output);
        if (previous != null) {
            byTag.put(tag.getId(), new FanOut<>(java.util.List.of(previous, (Output<Object>) output)));
        }
    }

    public boolean has(OutputTag<?> tag) {
        return byTag.containsKey(tag.getId());
    }

    public void emit(OutputTag<?> tag, Object value, long timestamp) {
        Output<Object> out = byTag.get(tag.getId());
        if (out != null) {
            out.collect(value, timestamp);
        }
    }

    /**
     * End of input of the producing operator: its side-output consumers end too, so that what they
     * hold is flushed (a two-phase sink commits, an exchange sends its end in band).
     */
    public void end() {
        for (Output<Object> out : byTag.values()) {
            out.end();
        }
    }

    public Iterable<Output<Object>> all() {
        return byTag.values();
    }
}
