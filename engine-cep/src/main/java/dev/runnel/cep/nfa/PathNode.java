package dev.runnel.cep.nfa;

/**
 * One event taken by a partial match, linked to the event taken before it. Partial matches that
 * branched from a common prefix share that prefix's nodes, and every node of one event shares one
 * {@link EventEntry}, so an event is stored once however many partial matches took it. Reference
 * counts (partial matches and child nodes) let {@link SharedBuffer} release a node, and the event
 * with its last node, as soon as nothing can reach it any more.
 */
final class PathNode {
    final EventEntry entry;
    final String stage;
    final PathNode prev;
    int refs;

    PathNode(EventEntry entry, String stage, PathNode prev) {
        this.entry = entry;
        this.stage = stage;
        this.prev = prev;
    }
}
