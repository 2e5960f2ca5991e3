package dev.runnel.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands the source's one {@link WholeSourceSplit} to the first reader that asks, and tells every
 * reader that asks that no more will come (as Flink's {@code IteratorSourceEnumerator} does). A
 * split Flink gives back after a reader failed, with the position of the last completed checkpoint,
 * goes to the next reader that asks. Its checkpoint is the split while it is still unassigned.
 */
final class WholeSourceEnumerator implements SplitEnumerator<WholeSourceSplit, List<WholeSourceSplit>> {
    private final SplitEnumeratorContext<WholeSourceSplit> context;
    private final List<WholeSourceSplit> unassigned;

    WholeSourceEnumerator(SplitEnumeratorContext<WholeSourceSplit> context, List<WholeSourceSplit> unassigned) {
        this.context = context;
        this.unassigned = new ArrayList<>(unassigned);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtask, String requesterHostname) {
        for (WholeSourceSplit split : unassigned) {
            context.assignSplit(split, subtask);
        }
        unassigned.clear();
        context.signalNoMoreSplits(subtask);
    }

    @Override
    public void addSplitsBack(List<WholeSourceSplit> splits, int subtask) {
        unassigned.addAll(splits);
    }

    @Override
    public void addReader(int subtask) {
        // readers ask for their split when they start (SourceReaderAdapter.start)
    }

    @Override
    public List<WholeSourceSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(unassigned);
    }

    @Override
    public void close() {}
}
