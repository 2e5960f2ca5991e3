package dev.runnel.api.time;

/**
 * Keeps the timestamp the source gave each record (a Kafka record's timestamp, a scripted one):
 * the assigner of a strategy that was given none. The runtime recognizes it and skips the call.
 */
public final class RecordTimestampAssigner<T> implements TimestampAssigner<T> {
    @SuppressWarnings("rawtypes")
    private static final RecordTimestampAssigner INSTANCE = new RecordTimestampAssigner();

    private RecordTimestampAssigner() {}

    @SuppressWarnings("unchecked")
    public static <T> RecordTimestampAssigner<T> instance() {
        return INSTANCE;
    }

    @Override
    public long extractTimestamp(T element, long recordTimestamp) {
        return recordTimestamp;
    }
}
