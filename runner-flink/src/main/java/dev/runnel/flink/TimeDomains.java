package dev.runnel.flink;

import dev.runnel.api.time.TimeDomain;

final class TimeDomains {
    private TimeDomains() {}

    static TimeDomain of(org.apache.flink.streaming.api.TimeDomain flink) {
        return flink == org.apache.flink.streaming.api.TimeDomain.EVENT_TIME ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME;
    }
}
