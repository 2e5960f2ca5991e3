package dev.runnel.flink;

import dev.runnel.api.time.WatermarkStrategy;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Runnel {@link dev.runnel.api.source.Source} as a Flink source (FLIP-27, {@code env.fromSource}):
 * one {@link WholeSourceSplit} handed out by {@link WholeSourceEnumerator} and read by a
 * {@link SourceReaderAdapter} on the source task's own thread. Bounded Runnel sources (collections,
 * CSV files, bounded generators) are bounded Flink sources. The plan's watermark strategy runs inside
 * the reader, as on Runnel ({@link SourceDriver}), so the stream is added with Flink's
 * {@code noWatermarks()} and the reader emits the watermarks itself.
 */
final class SourceAdapter implements Source<Object, WholeSourceSplit, List<WholeSourceSplit>> {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Shipped<dev.runnel.api.source.Source<Object>> source;
    private final Shipped<WatermarkStrategy<Object>> strategy;
    private final long watermarkIntervalMillis;
    private final Boundedness boundedness;

    SourceAdapter(String name, dev.runnel.api.source.Source<Object> source, WatermarkStrategy<Object> strategy, long watermarkIntervalMillis) {
        this.name = name;
        this.source = Shipped.of(source, "source '" + name + "' (" + source.getClass().getName() + ")");
        this.strategy = Shipped.of(strategy, "the watermark strategy of source '" + name + "'");
        this.watermarkIntervalMillis = watermarkIntervalMillis;
        this.boundedness = source.isBounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public Boundedness getBoundedness() {
        return boundedness;
    }

    @Override
    public SourceReader<Object, WholeSourceSplit> createReader(SourceReaderContext context) {
        return new SourceReaderAdapter(context, name, source, strategy.get(), watermarkIntervalMillis);
    }

    @Override
    public SplitEnumerator<WholeSourceSplit, List<WholeSourceSplit>> createEnumerator(SplitEnumeratorContext<WholeSourceSplit> context) {
        return new WholeSourceEnumerator(context, List.of(WholeSourceSplit.fromStart()));
    }

    @Override
    public SplitEnumerator<WholeSourceSplit, List<WholeSourceSplit>> restoreEnumerator(
            SplitEnumeratorContext<WholeSourceSplit> context, List<WholeSourceSplit> unassigned) {
        return new WholeSourceEnumerator(context, unassigned);
    }

    @Override
    public SimpleVersionedSerializer<WholeSourceSplit> getSplitSerializer() {
        return WholeSourceSplitSerializer.SPLIT;
    }

    @Override
    public SimpleVersionedSerializer<List<WholeSourceSplit>> getEnumeratorCheckpointSerializer() {
        return WholeSourceSplitSerializer.PENDING;
    }
}
