package dev.runnel.examples.cepfraud;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One user's activity in one session-analysis window (30-minute tumbling windows of event time):
 * events, time from the first to the last event, distinct pages, events per type, and the anomaly
 * score of S3 (+0.3 for more than 1000 events, +0.5 for more than 100 API calls without a page
 * view: a script, not a person; capped at 1).
 */
public record SessionSummary(String userId, long windowStart, long windowEnd, long events, long durationSeconds,
                             int distinctPages, Map<String, Long> countByType, double anomalyScore) {

    static final long FLOOD_EVENTS = 1000;
    static final long SCRAPER_API_CALLS = 100;

    static SessionSummary of(String userId, long windowStart, long windowEnd, SessionAccumulator acc) {
        long apiCalls = acc.byType.getOrDefault(UserEvent.API_CALL, 0L);
        long pageViews = acc.byType.getOrDefault(UserEvent.PAGE_VIEW, 0L);
        double score = 0;
        if (acc.events > FLOOD_EVENTS) {
            score += 0.3;
        }
        if (apiCalls > SCRAPER_API_CALLS && pageViews == 0) {
            score += 0.5;
        }
        return new SessionSummary(userId, windowStart, windowEnd, acc.events, (acc.last - acc.first) / 1000, acc.pages.size(),
            new TreeMap<>(acc.byType), Math.min(score, 1.0));
    }

    public boolean isAnomalous() {
        return anomalyScore > 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "user=%s [%s,%s) events=%d duration=%d s pages=%d types=%s score=%.1f", userId,
            Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd), events, durationSeconds, distinctPages,
            countByType, anomalyScore);
    }
}
