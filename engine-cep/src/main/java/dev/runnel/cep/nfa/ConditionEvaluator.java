package dev.runnel.cep.nfa;

import dev.runnel.cep.pattern.conditions.IterativeCondition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Evaluates compiled conditions for the event being processed. Simple nodes are computed once per
 * event (an epoch-stamped cache, so starting a new event costs one increment); iterative ones are
 * evaluated per partial match with this object as their {@link IterativeCondition.Context}, looking
 * at the path of the partial match being extended.
 */
final class ConditionEvaluator implements IterativeCondition.Context<Object> {
    private final int[] epochs;
    private final boolean[] values;
    private int epoch = 1;
    private Object event;
    private long timestamp;
    private PathNode path;
    private final LongSupplier processingTime;

    ConditionEvaluator(int conditionCount, LongSupplier processingTime) {
        this.epochs = new int[conditionCount];
        this.values = new boolean[conditionCount];
        this.processingTime = processingTime;
    }

    /** Starts a new event: forgets every cached value. */
    void startEvent(Object event, long timestamp) {
        this.event = event;
        this.timestamp = timestamp;
        if (++epoch == 0) {
            java.util.Arrays.fill(epochs, 0);
            epoch = 1;
        }
    }

    /** Gives simple condition {@code c} its value for the current event without evaluating it (known from before). */
    void preset(Cond c, boolean value) {
        epochs[c.id] = epoch;
        values[c.id] = value;
    }

    /** Identifies the current event; changes with every {@link #startEvent}. */
    int epoch() {
        return epoch;
    }

    /** The partial match the next evaluations are for (its events so far). */
    void forPath(PathNode path) {
        this.path = path;
    }

    boolean test(Cond c) {
        if (c.simple) {
            int id = c.id;
            if (epochs[id] == epoch) {
                return values[id];
            }
            boolean v = compute(c);
            epochs[id] = epoch;
            values[id] = v;
            return v;
        }
        return compute(c);
    }

    private boolean compute(Cond c) {
        switch (c.kind) {
            case TRUE:
                return true;
            case AND:
                return test(c.left) && test(c.right);
            case OR:
                return test(c.left) || test(c.right);
            case NOT:
                return !test(c.left);
            default:
                try {
                    return c.user.filter(event, this);
                } catch (ConditionFailedException e) {
                    throw e;
                } catch (Exception e) {
                    throw new ConditionFailedException("Pattern condition failed: " + e, e);
                }
        }
    }

    @Override
    public Iterable<Object> getEventsForPattern(String name) {
        List<Object> found = null;
        for (PathNode n = path; n != null; n = n.prev) {
            if (n.stage.equals(name)) {
                if (found == null) {
                    found = new ArrayList<>();
                }
                found.add(n.entry.event);
            }
        }
        if (found == null) {
            return Collections.emptyList();
        }
        Collections.reverse(found);
        return found;
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    @Override
    public long currentProcessingTime() {
        return processingTime.getAsLong();
    }
}
