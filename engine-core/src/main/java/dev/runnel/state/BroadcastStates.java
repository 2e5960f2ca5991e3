package dev.runnel.state;

import dev.runnel.api.state.BroadcastState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.checkpoint.StateSerializers;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast state of one operator instance: one map per declared descriptor. Every instance
 * holds the same maps (only broadcast elements change them), so a restore at any parallelism takes
 * the first snapshot it is given and reads past the others.
 */
public final class BroadcastStates {
    private final Map<String, StateMap<?, ?>> states = new LinkedHashMap<>();
    private final String operatorName;
    private boolean restored;

    public BroadcastStates(String operatorName, List<MapStateDescriptor<?, ?>> descriptors) {
        this.operatorName = operatorName;
        for (MapStateDescriptor<?, ?> d : descriptors) {
            states.put(d.getName(), new StateMap<>(d.getName()));
        }
    }

    @SuppressWarnings("unchecked")
    public <K, V> BroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor) {
        StateMap<?, ?> s = states.get(descriptor.getName());
        if (s == null) {
            throw new IllegalArgumentException("Broadcast state '" + descriptor.getName() + "' was not declared; declare it in "
                + "broadcast(descriptors...) on the broadcast stream (declared: " + states.keySet() + ")");
        }
        return (BroadcastState<K, V>) s;
    }

    public void snapshot(DataOutput out, StateSerializers serializers) throws IOException {
        out.writeInt(states.size());
        for (StateMap<?, ?> s : states.values()) {
            out.writeUTF(s.name);
            out.writeInt(s.map.size());
            String what = operatorName + "/" + s.name;
            for (Map.Entry<?, ?> e : s.map.entrySet()) {
                serializers.write(what, e.getKey(), out);
                serializers.write(what, e.getValue(), out);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public void restore(DataInput in, StateSerializers serializers) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int size = in.readInt();
            String what = operatorName + "/" + name;
            StateMap target = restored ? null : states.computeIfAbsent(name, StateMap::new);
            for (int j = 0; j < size; j++) {
                Object key = serializers.read(what, in);
                Object value = serializers.read(what, in);
                if (target != null) {
                    target.map.put(key, value);
                }
            }
        }
        restored = true;
    }

    private static final class StateMap<K, V> implements BroadcastState<K, V> {
        final String name;
        final HashMap<K, V> map = new HashMap<>();

        StateMap(String name) {
            this.name = name;
        }

        @Override
        public V get(K key) {
            return map.get(key);
        }

        @Override
        public boolean contains(K key) {
            return map.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() {
            return Collections.unmodifiableMap(map).entrySet();
        }

        @Override
        public void put(K key, V value) {
            map.put(key, value);
        }

        @Override
        public void putAll(Map<K, V> m) {
            map.putAll(m);
        }

        @Override
        public void remove(K key) {
            map.remove(key);
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return map.entrySet().iterator();
        }

        @Override
        public Iterable<Map.Entry<K, V>> entries() {
            return map.entrySet();
        }

        @Override
        public void clear() {
            map.clear();
        }
    }
}
