package dev.runnel.connector.base;

/** What a sink promises about its records when the job fails and restores (Flink's {@code DeliveryGuarantee}). */
public enum DeliveryGuarantee {
    /** Every record is visible exactly once after any number of failures; visible when the checkpoint completes. */
    EXACTLY_ONCE,
    /** Nothing is lost: every checkpoint waits until what was written before it is acknowledged; a restore may repeat records. */
    AT_LEAST_ONCE,
    /** Records are sent as they come; a failure may lose what was in flight or repeat records. */
    NONE
}
