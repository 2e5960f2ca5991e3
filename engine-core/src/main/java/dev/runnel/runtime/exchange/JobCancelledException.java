package dev.runnel.runtime.exchange;

/** Unwinds a worker blocked on a channel when the job was cancelled or another worker failed. */
public final class JobCancelledException extends RuntimeException {
    public JobCancelledException() {
        super("job cancelled", null, false, false);
    }
}
