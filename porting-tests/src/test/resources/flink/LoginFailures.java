package probe.porting;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.PatternSelectFunction;
import org.apache.flink.cep.PatternStream;
import org.apache.flink.cep.PatternTimeoutFunction;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.apache.flink.util.OutputTag;

/**
 * A keyed CEP program with timeouts: two failed logins of one user within 10 seconds raise an
 * alert; a failure not followed by another within the window is reported as timed out.
 */
public class LoginFailures {

    /** A login attempt. */
    public static class LoginEvent {
        public String user;
        public String type;
        public long timestamp;

        public LoginEvent() {}

        public LoginEvent(String user, String type, long timestamp) {
            this.user = user;
            this.type = type;
            this.timestamp = timestamp;
        }

        @Override
        public String toString() {
            return user + ":" + type + "@" + timestamp;
        }
    }

    public static void main(String[] args) throws Exception {
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        DataStream<LoginEvent> logins =
                env.fromData(
                                new LoginEvent("alice", "fail", 1_000L),
                                new LoginEvent("bob", "fail", 2_000L),
                                new LoginEvent("alice", "fail", 4_000L),
                                new LoginEvent("carol", "success", 5_000L),
                                new LoginEvent("bob", "success", 6_000L),
                                                                new LoginEvent("alice", "fail", 20_000L),
                                new LoginEvent("bob", "fail", 25_000L),
                                new LoginEvent("bob", "fail", 31_000L),
                                new LoginEvent("alice", "fail", 45_000L),
                                new LoginEvent("carol", "fail", 47_000L))
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<LoginEvent>forBoundedOutOfOrderness(Duration.ofSeconds(1))
                                        .withTimestampAssigner((event, timestamp) -> event.timestamp));

        Pattern<LoginEvent, ?> twoFailures =
                Pattern.<LoginEvent>begin("first")
                        .where(new SimpleCondition<LoginEvent>() {
                            @Override
                            public boolean filter(LoginEvent event) {
                                return event.type.equals("fail");
                            }
                        })
                        .next("second")
                        .where(SimpleCondition.of(event -> event.type.equals("fail")))
                        .within(Duration.ofSeconds(10));

        PatternStream<LoginEvent> patternStream = CEP.pattern(logins.keyBy(event -> event.user), twoFailures);

        OutputTag<String> timedOutTag = new OutputTag<String>("timed-out") {};

        SingleOutputStreamOperator<String> alerts =
                patternStream.select(
                        timedOutTag,
                        new PatternTimeoutFunction<LoginEvent, String>() {
                            @Override
                            public String timeout(Map<String, List<LoginEvent>> match, long timeoutTimestamp) {
                                return match.get("first").get(0) + " alone until " + timeoutTimestamp;
                            }
                        },
                        new PatternSelectFunction<LoginEvent, String>() {
                            @Override
                            public String select(Map<String, List<LoginEvent>> match) {
                                return match.get("first").get(0) + " then " + match.get("second").get(0);
                            }
                        });

        alerts.print("alert");
        alerts.getSideOutput(timedOutTag).print("timed out");

        DataStream<Either<String, String>> either =
                patternStream.select(
                        (Map<String, List<LoginEvent>> match, long timeoutTimestamp) ->
                                match.get("first").get(0).user,
                        (Map<String, List<LoginEvent>> match) -> match.get("second").get(0).user);
        // Flink gives no order between the lefts and the rights (they meet in a union), so print them apart.
        either.filter(e -> e.isLeft()).print("either left");
        either.filter(e -> e.isRight()).map(e -> "matched " + e.right()).print("either right");

        env.execute("LoginFailures");
    }
}
