package dev.runnel.window;

import dev.runnel.state.WindowStateSlots;

/**
 * Gives {@link WindowStateSlots} access to the trigger state or the window state of the
 * {@link WindowOperator.WindowRecord} being worked on: the operator points {@link #record} at the
 * current window's record, so state access allocates nothing.
 */
final class WindowRecordSlots<C> implements WindowStateSlots.Holder {
    private final boolean forTrigger;
    /** The current window's record; null for a window without one. */
    WindowOperator.WindowRecord<C> record;

    /** Slots of the record's trigger state if {@code forTrigger}, else of its window state. */
    WindowRecordSlots(boolean forTrigger) {
        this.forTrigger = forTrigger;
    }

    @Override
    public Object[] slots() {
        return record == null ? null : forTrigger ? record.triggerState : record.windowState;
    }

    @Override
    public void slots(Object[] slots) {
        if (forTrigger) {
            record.triggerState = slots;
        } else {
            record.windowState = slots;
        }
    }
}
