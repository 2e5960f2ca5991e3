package dev.runnel.cep.pattern;

import java.io.Serializable;
import java.util.Optional;

/**
 * Which partial matches survive once a match is emitted (Flink CEP's after-match skip strategies).
 * The matcher asks for a pruning event (by its arrival sequence number) and drops every partial
 * match that started at or before it ({@code <} for the skip-to-stage strategies, {@code <=} for the
 * others), exactly as Flink does.
 */
public abstract class AfterMatchSkipStrategy implements Serializable {
    /** Returned by {@link #pruningSeq} when nothing is to be pruned. */
    public static final long NO_PRUNING = Long.MIN_VALUE;

    AfterMatchSkipStrategy() {}

    /** Every partial match survives: all matches are reported. */
    public static AfterMatchSkipStrategy noSkip() {
        return NoSkip.INSTANCE;
    }

    /** Drops partial matches that started with the match's first event. */
    public static AfterMatchSkipStrategy skipToNext() {
        return new Relative(false);
    }

    /** Drops partial matches that started at or before the match's last event: matches never share events. */
    public static AfterMatchSkipStrategy skipPastLastEvent() {
        return new Relative(true);
    }

    /** Drops partial matches that started before the first event the match took for stage {@code name}. */
    public static ToStage skipToFirst(String name) {
        return new ToStage(name, false, false);
    }

    /** Drops partial matches that started before the last event the match took for stage {@code name}. */
    public static ToStage skipToLast(String name) {
        return new ToStage(name, true, false);
    }

    /** True unless this is {@link #noSkip()}. */
    public abstract boolean isSkipStrategy();

    /** The stage a skip-to strategy refers to. */
    public Optional<String> getPatternName() {
        return Optional.empty();
    }

    /**
     * The sequence number of the event partial matches are pruned relative to, given the match's
     * events in order ({@code seqs[i]} taken for stage {@code stages[i]}), or {@link #NO_PRUNING}.
     */
    public abstract long pruningSeq(long[] seqs, String[] stages, int count);

    /** Whether a partial match that started with event {@code startSeq} must be dropped. */
    public abstract boolean shouldPrune(long startSeq, long pruningSeq);

    private static final class NoSkip extends AfterMatchSkipStrategy {
        static final NoSkip INSTANCE = new NoSkip();

        @Override
        public boolean isSkipStrategy() {
            return false;
        }

        @Override
        public long pruningSeq(long[] seqs, String[] stages, int count) {
            return NO_PRUNING;
        }

        @Override
        public boolean shouldPrune(long startSeq, long pruningSeq) {
            return false;
        }

        @Override
        public String toString() {
            return "NoSkip";
        }
    }

    /** skipToNext (relative to the first event) and skipPastLastEvent (relative to the last). */
    private static final class Relative extends AfterMatchSkipStrategy {
        private final boolean pastLast;

        Relative(boolean pastLast) {
            this.pastLast = pastLast;
        }

        @Override
        public boolean isSkipStrategy() {
            return true;
        }

        @Override
        public long pruningSeq(long[] seqs, String[] stages, int count) {
            return pastLast ? seqs[count - 1] : seqs[0];
        }

        @Override
        public boolean shouldPrune(long startSeq, long pruningSeq) {
            return startSeq <= pruningSeq;
        }

        @Override
        public String toString() {
            return pastLast ? "SkipPastLastEvent" : "SkipToNext";
        }
    }

    /** skipToFirst / skipToLast, optionally failing when the stage is missing from a match. */
    public static final class ToStage extends AfterMatchSkipStrategy {
        private final String stage;
        private final boolean last;
        private final boolean throwOnMiss;

        ToStage(String stage, boolean last, boolean throwOnMiss) {
            if (stage == null || stage.isEmpty()) {
                throw new MalformedPatternException("The stage name of skipTo" + (last ? "Last" : "First") + " must not be empty");
            }
            this.stage = stage;
            this.last = last;
            this.throwOnMiss = throwOnMiss;
        }

        /** Fail the job, instead of not pruning, when a match has no event for the stage or would skip to its own first event. */
        public ToStage throwExceptionOnMiss() {
            return new ToStage(stage, last, true);
        }

        @Override
        public boolean isSkipStrategy() {
            return true;
        }

        @Override
        public Optional<String> getPatternName() {
            return Optional.of(stage);
        }

        @Override
        public long pruningSeq(long[] seqs, String[] stages, int count) {
            long found = NO_PRUNING;
            for (int i = 0; i < count; i++) {
                if (stage.equals(stages[i])) {
                    found = seqs[i];
                    if (!last) {
                        break;
                    }
                }
            }
            if (throwOnMiss) {
                if (found == NO_PRUNING) {
                    throw new IllegalStateException("Could not skip to " + (last ? "last" : "first") + " event of stage '" + stage
                        + "': the match has no event for it (skip strategy " + this + ")");
                }
                if (found == seqs[0]) {
                    throw new IllegalStateException("Could not skip to the first event of a match: skip strategy " + this
                        + " points at the match's first event, which would find the same match again");
                }
            }
            return found;
        }

        @Override
        public boolean shouldPrune(long startSeq, long pruningSeq) {
            return startSeq < pruningSeq;
        }

        @Override
        public String toString() {
            return (last ? "SkipToLast(" : "SkipToFirst(") + stage + ")" + (throwOnMiss ? ".throwExceptionOnMiss()" : "");
        }
    }
}
