package dev.runnel.api.state;

/** Keyed state scoped to the key of the record (or timer) being processed. */
public interface State {
    void clear();
}
