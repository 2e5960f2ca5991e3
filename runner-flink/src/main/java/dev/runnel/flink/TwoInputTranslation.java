package dev.runnel.flink;

import dev.runnel.api.functions.BroadcastProcessFunction;
import dev.runnel.api.functions.CoFlatMapFunction;
import dev.runnel.api.functions.CoMapFunction;
import dev.runnel.api.functions.CoProcessFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.KeyedBroadcastProcessFunction;
import dev.runnel.api.functions.KeyedCoProcessFunction;
import dev.runnel.api.plan.TwoInputNode;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.ConnectedStreams;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Two-input steps onto Flink's connected and broadcast streams: {@code connect} with co-map,
 * co-flatMap and co-process (keyed when both inputs are), and {@code broadcast(descriptors)} with
 * the (keyed) broadcast process function, the broadcast state declared with the same names.
 */
final class TwoInputTranslation {
    private TwoInputTranslation() {}

    @SuppressWarnings("unchecked")
    static SingleOutputStreamOperator<Object> translate(TwoInputNode<?, ?, ?> node, DataStream<Object> first, DataStream<Object> second) {
        String name = node.name();
        Object fn = node.function();
        if (node.kind() == TwoInputNode.Kind.EXTENSION || node.kind() == TwoInputNode.Kind.INTERVAL_JOIN) {
            throw new UntranslatableException(name, "the two-input step " + node.kind()
                + " (interval joins, extension steps such as CEP.dynamicPatterns) has no Flink translation yet");
        }
        if (node.broadcastsSecond()) {
            var descriptors = node.broadcastDescriptors().stream().map(FlinkDescriptors::map)
                .toArray(org.apache.flink.api.common.state.MapStateDescriptor[]::new);
            BroadcastStream<Object> broadcast = second.broadcast(descriptors);
            if (node.kind() == TwoInputNode.Kind.KEYED_BROADCAST_PROCESS) {
                return keyed(first, node.keySelector(0)).connect(broadcast)
                    .process(new BroadcastAdapters.KeyedProcess(name, (KeyedBroadcastProcessFunction<Object, Object, Object, Object>) fn),
                        AnyType.INSTANCE);
            }
            return first.connect(broadcast)
                .process(new BroadcastAdapters.Process(name, (BroadcastProcessFunction<Object, Object, Object>) fn), AnyType.INSTANCE);
        }
        ConnectedStreams<Object, Object> connected = node.keyed()
            ? keyed(first, node.keySelector(0)).connect(keyed(second, node.keySelector(1)))
            : first.connect(second);
        return switch (node.kind()) {
            case CO_MAP -> connected.map(new CoFunctionAdapters.CoMap(name, (CoMapFunction<Object, Object, Object>) fn), AnyType.INSTANCE);
            case CO_FLAT_MAP -> connected.flatMap(new CoFunctionAdapters.CoFlatMap(name, (CoFlatMapFunction<Object, Object, Object>) fn),
                AnyType.INSTANCE);
            case CO_PROCESS -> connected.process(new CoFunctionAdapters.CoProcess(name, (CoProcessFunction<Object, Object, Object>) fn),
                AnyType.INSTANCE);
            case KEYED_CO_PROCESS -> connected.process(
                new CoFunctionAdapters.KeyedCoProcess(name, (KeyedCoProcessFunction<Object, Object, Object, Object>) fn), AnyType.INSTANCE);
            default -> throw new UntranslatableException(name, "the two-input step " + node.kind()
                + " (interval joins, extension steps such as CEP.dynamicPatterns) has no Flink translation yet");
        };
    }

    @SuppressWarnings("unchecked")
    private static org.apache.flink.streaming.api.datastream.KeyedStream<Object, Object> keyed(DataStream<Object> in, KeySelector<?, ?> key) {
        return in.keyBy(new SimpleFunctionAdapters.Key((KeySelector<Object, Object>) key), AnyType.INSTANCE);
    }
}
