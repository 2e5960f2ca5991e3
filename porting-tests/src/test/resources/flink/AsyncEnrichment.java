package probe.porting;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.apache.flink.util.Collector;

/**
 * Enriches orders with customer names from a slow lookup service through async I/O in ordered
 * mode: lookups take longer for earlier orders, so they complete out of order, yet the results keep
 * the input's order and timestamps; one customer's lookup never answers and falls back to
 * "unknown" on timeout; one customer has two names and yields two records.
 */
public class AsyncEnrichment {

    /** Looks customers up on the common pool; earlier orders answer later. */
    static class CustomerLookup extends RichAsyncFunction<String, String> {
        private transient List<String> opened;

        @Override
        public void open(OpenContext openContext) {
            opened = Collections.singletonList("opened");
        }

        @Override
        public void asyncInvoke(String order, ResultFuture<String> resultFuture) {
            String[] parts = order.split(":");
            String customer = parts[1];
            if (customer.equals("c9")) {
                return; // the service never answers for c9
            }
            long delay = 60 - 10L * Integer.parseInt(parts[0].substring(1));
            CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (customer.equals("c2")) {
                    resultFuture.complete(List.of(order + " -> Bea", order + " -> Beatrice"));
                } else {
                    resultFuture.complete(Collections.singleton(order + " -> " + (customer.equals("c1") ? "Al" : "Cy")));
                }
            });
        }

        @Override
        public void timeout(String order, ResultFuture<String> resultFuture) {
            resultFuture.complete(Collections.singleton(order + " -> unknown (" + opened.get(0) + ")"));
        }
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        DataStream<String> orders = env.fromData("o1:c1", "o2:c2", "o3:c9", "o4:c3", "o5:c1")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<String>forMonotonousTimestamps()
                        .withTimestampAssigner((order, ts) -> 1000L * Integer.parseInt(order.substring(1, 2))));

        AsyncDataStream.orderedWait(orders, new CustomerLookup(), 300, TimeUnit.MILLISECONDS, 3)
                .process(new ProcessFunction<String, String>() {
                    @Override
                    public void processElement(String value, Context ctx, Collector<String> out) {
                        out.collect(value + " @" + ctx.timestamp());
                    }
                })
                .print("enriched");

        env.execute("Async enrichment");
    }
}
