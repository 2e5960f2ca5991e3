package probe.porting;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The fraud-detection walkthrough's detector: a small transaction followed within a minute by a
 * large one on the same account raises an alert. Keyed state and an event-time timer.
 */
public class FraudDetection {

    /** A card transaction. */
    public static class Transaction {
        public long accountId;
        public long timestamp;
        public double amount;

        public Transaction() {}

        public Transaction(long accountId, long timestamp, double amount) {
            this.accountId = accountId;
            this.timestamp = timestamp;
            this.amount = amount;
        }
    }

    public static void main(String[] args) throws Exception {
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        DataStream<Transaction> transactions =
                env.fromData(
                                new Transaction(1, 0L, 188.23),
                                new Transaction(2, 1_000L, 0.52),
                                new Transaction(1, 2_000L, 0.11),
                                new Transaction(1, 3_000L, 540.00),
                                new Transaction(2, 30_000L, 702.10),
                                new Transaction(3, 100_000L, 0.90),
                                new Transaction(3, 110_000L, 12.50),
                                new Transaction(3, 120_000L, 800.00))
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<Transaction>forMonotonousTimestamps()
                                        .withTimestampAssigner((tx, ts) -> tx.timestamp));

        transactions.keyBy(tx -> tx.accountId).process(new FraudDetector()).print("alert");

        env.execute("Fraud Detection");
    }

    /** Flags a large transaction that follows a small one on the same account within a minute. */
    public static class FraudDetector extends KeyedProcessFunction<Long, Transaction, String> {
        private static final double SMALL_AMOUNT = 1.00;
        private static final double LARGE_AMOUNT = 500.00;
        private static final long ONE_MINUTE = 60 * 1000;

        private transient ValueState<Boolean> flagState;
        private transient ValueState<Long> timerState;

        @Override
        public void open(OpenContext openContext) {
            flagState = getRuntimeContext().getState(new ValueStateDescriptor<>("flag", Types.BOOLEAN));
            timerState = getRuntimeContext().getState(new ValueStateDescriptor<>("timer-state", Types.LONG));
        }

        @Override
        public void processElement(Transaction transaction, Context context, Collector<String> collector)
                throws Exception {
            Boolean lastTransactionWasSmall = flagState.value();
            if (lastTransactionWasSmall != null) {
                if (transaction.amount > LARGE_AMOUNT) {
                    collector.collect("account " + transaction.accountId + " at " + transaction.timestamp);
                }
                cleanUp(context);
            }
            if (transaction.amount < SMALL_AMOUNT) {
                flagState.update(true);
                long timer = context.timestamp() + ONE_MINUTE;
                context.timerService().registerEventTimeTimer(timer);
                timerState.update(timer);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            timerState.clear();
            flagState.clear();
        }

        private void cleanUp(Context ctx) throws Exception {
            Long timer = timerState.value();
            ctx.timerService().deleteEventTimeTimer(timer);
            timerState.clear();
            flagState.clear();
        }
    }
}
