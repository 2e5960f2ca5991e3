package dev.runnel.cep.nfa;

/**
 * Event storage shared by all partial matches of one operator instance (after the shared versioned
 * buffer of SASE+ and Flink CEP, but as a persistent linked structure: a partial match is a pointer
 * to its last {@link PathNode}, so the "version" of a branch is the node itself and extracting a
 * match is a walk back, with no Dewey-number compatibility checks). Reference counting frees nodes
 * and events eagerly; the counters back the operator's memory metrics.
 */
final class SharedBuffer {
    private long liveEvents;
    private long liveNodes;

    /** A new node for {@code entry} taken into {@code stage} after {@code prev}; the caller retains it. */
    PathNode take(PathNode prev, EventEntry entry, String stage) {
        PathNode node = new PathNode(entry, stage, prev);
        if (entry.refs++ == 0) {
            liveEvents++;
        }
        if (prev != null) {
            prev.refs++;
        }
        liveNodes++;
        return node;
    }

    void retain(PathNode node) {
        if (node != null) {
            node.refs++;
        }
    }

    /** Drops one reference; frees the node, and walks back freeing ancestors nobody else holds. */
    void release(PathNode node) {
        while (node != null && --node.refs == 0) {
            liveNodes--;
            if (--node.entry.refs == 0) {
                liveEvents--;
            }
            node = node.prev;
        }
    }

    /** Nodes and events of a key restored from a checkpoint, with their reference counts. */
    void restored(long nodes, long events) {
        liveNodes += nodes;
        liveEvents += events;
    }

    /** Distinct events referenced by some partial match. */
    long liveEvents() {
        return liveEvents;
    }

    long liveNodes() {
        return liveNodes;
    }
}
