package probe.porting;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.PatternStream;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * Rack temperature monitoring in the style of Flink's classic CEP example: monitoring events of two
 * kinds (temperature and power) per rack; two hot temperature readings in a row on a rack, the
 * second no cooler than the first, within 10 s raise a warning (with their average); two warnings in
 * a row on a rack within 10 s, the second hotter, raise an alert. A punctuated watermark one below
 * each event's timestamp makes the order of output independent of timing.
 */
public class TemperatureMonitoring {

    private static final double TEMPERATURE_THRESHOLD = 100;

    /** Base of the monitoring events. */
    public abstract static class MonitoringEvent {
        private int rackID;
        private long time;

        public MonitoringEvent(int rackID, long time) {
            this.rackID = rackID;
            this.time = time;
        }

        public int getRackID() {
            return rackID;
        }

        public long getTime() {
            return time;
        }
    }

    /** A temperature reading. */
    public static class TemperatureEvent extends MonitoringEvent {
        private double temperature;

        public TemperatureEvent(int rackID, double temperature, long time) {
            super(rackID, time);
            this.temperature = temperature;
        }

        public double getTemperature() {
            return temperature;
        }

        @Override
        public String toString() {
            return "TemperatureEvent(" + getRackID() + ", " + temperature + ")";
        }
    }

    /** A power reading. */
    public static class PowerEvent extends MonitoringEvent {
        private double voltage;

        public PowerEvent(int rackID, double voltage, long time) {
            super(rackID, time);
            this.voltage = voltage;
        }

        public double getVoltage() {
            return voltage;
        }

        @Override
        public String toString() {
            return "PowerEvent(" + getRackID() + ", " + voltage + ")";
        }
    }

    /** Two hot readings in a row. */
    public static class TemperatureWarning {
        private int rackID;
        private double averageTemperature;

        public TemperatureWarning() {}

        public TemperatureWarning(int rackID, double averageTemperature) {
            this.rackID = rackID;
            this.averageTemperature = averageTemperature;
        }

        public int getRackID() {
            return rackID;
        }

        public double getAverageTemperature() {
            return averageTemperature;
        }

        @Override
        public String toString() {
            return "TemperatureWarning(" + rackID + ", " + averageTemperature + ")";
        }
    }

    /** Two warnings in a row, the second hotter. */
    public static class TemperatureAlert {
        private int rackID;

        public TemperatureAlert() {}

        public TemperatureAlert(int rackID) {
            this.rackID = rackID;
        }

        public int getRackID() {
            return rackID;
        }

        @Override
        public String toString() {
            return "TemperatureAlert(" + rackID + ")";
        }
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        DataStream<MonitoringEvent> input = env.fromData(
                        TypeInformation.of(MonitoringEvent.class),
                        new TemperatureEvent(1, 101, 1_000),
                        new TemperatureEvent(1, 105, 2_000),
                        new TemperatureEvent(2, 99, 3_000),
                        new PowerEvent(2, 230.5, 4_000),
                        new TemperatureEvent(2, 120, 5_000),
                        new TemperatureEvent(2, 121, 6_000),
                        new TemperatureEvent(1, 110, 7_000),
                        new PowerEvent(1, 240, 8_000),
                        new TemperatureEvent(1, 130, 9_000),
                        new TemperatureEvent(1, 135, 10_000),
                        new TemperatureEvent(2, 119, 11_000),
                        new TemperatureEvent(2, 125, 12_000),
                        new TemperatureEvent(2, 130, 25_000),
                        new TemperatureEvent(1, 101, 26_000),
                        new TemperatureEvent(2, 131, 27_000),
                        new PowerEvent(1, 235, 28_000),
                        new TemperatureEvent(1, 140, 29_000),
                        new TemperatureEvent(1, 150, 30_000))
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<MonitoringEvent>forGenerator(ctx -> new OneBelowEachEvent())
                                .withTimestampAssigner((event, ts) -> event.getTime()));

        Pattern<MonitoringEvent, TemperatureEvent> warningPattern = Pattern.<MonitoringEvent>begin("first")
                .subtype(TemperatureEvent.class)
                .where(new SimpleCondition<TemperatureEvent>() {
                    @Override
                    public boolean filter(TemperatureEvent event) {
                        return event.getTemperature() >= TEMPERATURE_THRESHOLD;
                    }
                })
                .next("second")
                .subtype(TemperatureEvent.class)
                .where(new IterativeCondition<TemperatureEvent>() {
                    @Override
                    public boolean filter(TemperatureEvent event, Context<TemperatureEvent> ctx) throws Exception {
                        if (event.getTemperature() < TEMPERATURE_THRESHOLD) {
                            return false;
                        }
                        for (TemperatureEvent first : ctx.getEventsForPattern("first")) {
                            if (event.getTemperature() < first.getTemperature()) {
                                return false;
                            }
                        }
                        return true;
                    }
                })
                .within(Duration.ofSeconds(10));

        PatternStream<MonitoringEvent> tempPatternStream =
                CEP.pattern(input.keyBy(MonitoringEvent::getRackID), warningPattern);

        DataStream<TemperatureWarning> warnings = tempPatternStream.process(
                new PatternProcessFunction<MonitoringEvent, TemperatureWarning>() {
                    @Override
                    public void processMatch(Map<String, List<MonitoringEvent>> match, Context ctx,
                            Collector<TemperatureWarning> out) {
                        TemperatureEvent first = (TemperatureEvent) match.get("first").get(0);
                        TemperatureEvent second = (TemperatureEvent) match.get("second").get(0);
                        out.collect(new TemperatureWarning(
                                first.getRackID(), (first.getTemperature() + second.getTemperature()) / 2));
                    }
                });

        Pattern<TemperatureWarning, ?> alertPattern = Pattern.<TemperatureWarning>begin("first")
                .next("second")
                .within(Duration.ofSeconds(10));

        PatternStream<TemperatureWarning> alertPatternStream =
                CEP.pattern(warnings.keyBy(TemperatureWarning::getRackID), alertPattern);

        DataStream<TemperatureAlert> alerts = alertPatternStream.flatSelect(
                (Map<String, List<TemperatureWarning>> pattern, Collector<TemperatureAlert> out) -> {
                    TemperatureWarning first = pattern.get("first").get(0);
                    TemperatureWarning second = pattern.get("second").get(0);
                    if (first.getAverageTemperature() < second.getAverageTemperature()) {
                        out.collect(new TemperatureAlert(first.getRackID()));
                    }
                },
                TypeInformation.of(TemperatureAlert.class));

        warnings.print("warning");
        alerts.print("alert");

        env.execute("CEP monitoring job");
    }

    /** A watermark one below each event's timestamp, after the event. */
    static class OneBelowEachEvent implements WatermarkGenerator<MonitoringEvent> {
        @Override
        public void onEvent(MonitoringEvent event, long timestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(timestamp - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}
