package dev.runnel.state;

import dev.runnel.api.time.Clock;

/**
 * Where state handles keep their values: numbered slots of the current scope. The keyed backend
 * scopes them to the current key; window state scopes them to the current key and window.
 */
public interface StateSlots {
    Object read(int slot);

    void write(int slot, Object value);

    void clearSlot(int slot);

    Clock clock();
}
