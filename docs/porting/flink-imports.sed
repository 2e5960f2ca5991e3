# Rewrites a Flink 1.20 DataStream/CEP program's imports to Runnel's:
#     sed -E -f docs/porting/flink-imports.sed MyJob.java > ported/MyJob.java
# Every rule names the classes Runnel has under that name; an import of anything else stays as it
# is, so the compiler names what is missing ("package org.apache.flink... does not exist").
# See docs/porting.md for what maps where and what differs.

# --- environment and streams
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.environment\.StreamExecutionEnvironment;/import dev.runnel.api.StreamEnvironment;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.datastream\.(DataStream|SingleOutputStreamOperator|DataStreamSource|KeyedStream|WindowedStream|AllWindowedStream|DataStreamSink|DataStreamUtils|ConnectedStreams|BroadcastStream|BroadcastConnectedStream|JoinedStreams|CoGroupedStreams|AsyncDataStream);/import dev.runnel.api.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.(TimeCharacteristic|CheckpointingMode);/import dev.runnel.api.\1;/
s/^import[[:space:]]+org\.apache\.flink\.core\.execution\.(CheckpointingMode);/import dev.runnel.api.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.environment\.(CheckpointConfig);/import dev.runnel.api.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.environment\.CheckpointConfig\.(ExternalizedCheckpointCleanup);/import dev.runnel.api.CheckpointConfig.\1;/
s/^import[[:space:]]+org\.apache\.flink\.api\.common\.(RuntimeExecutionMode|ExecutionConfig|JobExecutionResult);/import dev.runnel.api.\1;/
s/^import[[:space:]]+org\.apache\.flink\.util\.(OutputTag|CloseableIterator);/import dev.runnel.api.\1;/

# --- functions
s/^import[[:space:]]+org\.apache\.flink\.api\.common\.functions\.(MapFunction|FlatMapFunction|FilterFunction|ReduceFunction|AggregateFunction|RichMapFunction|RichFlatMapFunction|RichFilterFunction|RichReduceFunction|RichAggregateFunction|AbstractRichFunction|RichFunction|OpenContext|RuntimeContext|JoinFunction|FlatJoinFunction|CoGroupFunction);/import dev.runnel.api.functions.\1;/
s/^import[[:space:]]+org\.apache\.flink\.api\.common\.(TaskInfo);/import dev.runnel.api.functions.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.functions\.windowing\.delta\.(DeltaFunction);/import dev.runnel.api.functions.\1;/
s/^import[[:space:]]+org\.apache\.flink\.api\.java\.functions\.(KeySelector);/import dev.runnel.api.functions.\1;/
s/^import[[:space:]]+org\.apache\.flink\.util\.(Collector);/import dev.runnel.api.functions.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.functions\.(ProcessFunction|KeyedProcessFunction|AssignerWithPeriodicWatermarks|AssignerWithPunctuatedWatermarks);/import dev.runnel.api.functions.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.functions\.co\.(CoMapFunction|CoFlatMapFunction|CoProcessFunction|KeyedCoProcessFunction|BroadcastProcessFunction|KeyedBroadcastProcessFunction|ProcessJoinFunction);/import dev.runnel.api.functions.\1;/
s/^import[[:space:]]+org\.apache\.flink\.runtime\.state\.(KeyedStateFunction);/import dev.runnel.api.functions.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.functions\.async\.(AsyncFunction|ResultFuture|RichAsyncFunction);/import dev.runnel.api.functions.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.functions\.windowing\.(ProcessWindowFunction|WindowFunction|AllWindowFunction|ProcessAllWindowFunction);/import dev.runnel.api.functions.\1;/

# --- time: watermarks, timers
s/^import[[:space:]]+org\.apache\.flink\.api\.common\.eventtime\.(WatermarkStrategy|WatermarkGenerator|WatermarkGeneratorSupplier|WatermarkOutput|Watermark|TimestampAssigner|TimestampAssignerSupplier|SerializableTimestampAssigner|RecordTimestampAssigner|BoundedOutOfOrdernessWatermarks|AscendingTimestampsWatermarks);/import dev.runnel.api.time.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.watermark\.(Watermark);/import dev.runnel.api.time.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.(TimerService|TimeDomain);/import dev.runnel.api.time.\1;/

# --- windows
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.windowing\.assigners\.(TumblingEventTimeWindows|SlidingEventTimeWindows|EventTimeSessionWindows|TumblingProcessingTimeWindows|SlidingProcessingTimeWindows|ProcessingTimeSessionWindows|GlobalWindows|WindowAssigner|MergingWindowAssigner);/import dev.runnel.api.windowing.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.windowing\.windows\.(TimeWindow|GlobalWindow|Window);/import dev.runnel.api.windowing.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.windowing\.triggers\.(Trigger|TriggerResult|EventTimeTrigger|ProcessingTimeTrigger|CountTrigger|PurgingTrigger|ContinuousEventTimeTrigger|DeltaTrigger);/import dev.runnel.api.windowing.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.windowing\.evictors\.(Evictor|CountEvictor|TimeEvictor|DeltaEvictor);/import dev.runnel.api.windowing.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.windowing\.time\.(Time);/import dev.runnel.api.windowing.time.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.runtime\.operators\.windowing\.(TimestampedValue);/import dev.runnel.api.windowing.\1;/

# --- user metrics (getRuntimeContext().getMetricGroup())
s/^import[[:space:]]+org\.apache\.flink\.metrics\.(Counter|SimpleCounter|Gauge|Metric|MetricGroup);/import dev.runnel.api.metrics.\1;/
s/^import[[:space:]]+org\.apache\.flink\.metrics\.groups\.(OperatorMetricGroup);/import dev.runnel.api.metrics.\1;/

# --- state
s/^import[[:space:]]+org\.apache\.flink\.api\.common\.state\.(ValueState|ValueStateDescriptor|ListState|ListStateDescriptor|MapState|MapStateDescriptor|ReducingState|ReducingStateDescriptor|AggregatingState|AggregatingStateDescriptor|BroadcastState|ReadOnlyBroadcastState|State|StateDescriptor|StateTtlConfig);/import dev.runnel.api.state.\1;/

# --- sinks
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.functions\.sink\.(SinkFunction);/import dev.runnel.api.functions.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.functions\.sink\.(DiscardingSink);/import dev.runnel.api.sink.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.functions\.sink\.v2\.(DiscardingSink);/import dev.runnel.api.sink.\1;/

# --- types: tuples, Either, type information (accepted; Runnel needs none)
s/^import[[:space:]]+org\.apache\.flink\.api\.java\.tuple\.(Tuple|Tuple0|Tuple1|Tuple2|Tuple3|Tuple4|Tuple5|Tuple6|Tuple7|Tuple8|Tuple9|Tuple10|Tuple11|Tuple12|Tuple13|Tuple14|Tuple15|Tuple16|Tuple17|Tuple18|Tuple19|Tuple20|Tuple21|Tuple22|Tuple23|Tuple24|Tuple25);/import dev.runnel.api.java.tuple.\1;/
s/^import[[:space:]]+org\.apache\.flink\.api\.java\.tuple\.\*;/import dev.runnel.api.java.tuple.*;/
s/^import[[:space:]]+org\.apache\.flink\.types\.(Either);/import dev.runnel.api.types.\1;/
s/^import[[:space:]]+org\.apache\.flink\.api\.common\.typeinfo\.(TypeInformation|TypeHint|Types);/import dev.runnel.api.typeinfo.\1;/
s/^import[[:space:]]+org\.apache\.flink\.api\.common\.serialization\.(SerializerConfig);/import dev.runnel.api.typeinfo.\1;/

# --- command-line parameters: module runnel-flink-compat (Flink 1.x and 2.x locations)
s/^import[[:space:]]+org\.apache\.flink\.api\.java\.utils\.(ParameterTool|MultipleParameterTool);/import dev.runnel.compat.flink.\1;/
s/^import[[:space:]]+org\.apache\.flink\.util\.(ParameterTool|MultipleParameterTool);/import dev.runnel.compat.flink.\1;/

# --- Flink's file and data-generator connectors, paths, sizes, durations: module runnel-flink-compat
s/^import[[:space:]]+org\.apache\.flink\.core\.fs\.(Path);/import dev.runnel.compat.flink.fs.\1;/
s/^import[[:space:]]+org\.apache\.flink\.configuration\.(MemorySize);/import dev.runnel.compat.flink.configuration.\1;/
s/^import[[:space:]]+org\.apache\.flink\.util\.(TimeUtils|Preconditions);/import dev.runnel.compat.flink.util.\1;/
s/^import[[:space:]]+static[[:space:]]+org\.apache\.flink\.util\.Preconditions\./import static dev.runnel.compat.flink.util.Preconditions./
s/^import[[:space:]]+org\.apache\.flink\.connector\.file\.src\.(FileSource);/import dev.runnel.compat.flink.connector.file.\1;/
s/^import[[:space:]]+org\.apache\.flink\.connector\.file\.src\.reader\.(TextLineInputFormat|StreamFormat);/import dev.runnel.compat.flink.connector.file.\1;/
s/^import[[:space:]]+org\.apache\.flink\.connector\.file\.sink\.(FileSink);/import dev.runnel.compat.flink.connector.file.\1;/
s/^import[[:space:]]+org\.apache\.flink\.api\.common\.serialization\.(Encoder|SimpleStringEncoder);/import dev.runnel.compat.flink.connector.file.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.functions\.sink\.filesystem\.rollingpolicies\.(DefaultRollingPolicy);/import dev.runnel.compat.flink.connector.file.\1;/
s/^import[[:space:]]+org\.apache\.flink\.connector\.datagen\.source\.(DataGeneratorSource|GeneratorFunction);/import dev.runnel.compat.flink.connector.datagen.\1;/
s/^import[[:space:]]+org\.apache\.flink\.api\.connector\.source\.util\.ratelimit\.(RateLimiterStrategy|RateLimiter|GuavaRateLimiter);/import dev.runnel.compat.flink.connector.datagen.\1;/
s/^import[[:space:]]+org\.apache\.flink\.api\.connector\.source\.(SourceReaderContext);/import dev.runnel.compat.flink.connector.datagen.\1;/
# legacy push-based sources (SourceFunction is core API; FromIteratorFunction and the API-stability annotations are compat)
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.functions\.source\.(SourceFunction);/import dev.runnel.api.functions.\1;/
s/^import[[:space:]]+org\.apache\.flink\.streaming\.api\.functions\.source\.(FromIteratorFunction);/import dev.runnel.compat.flink.source.\1;/
s/^import[[:space:]]+org\.apache\.flink\.annotation\.(Public|PublicEvolving|Internal|Experimental);/import dev.runnel.compat.flink.annotation.\1;/

# --- configuration (core: StreamEnvironment.getExecutionEnvironment(Configuration) applies it)
s/^import[[:space:]]+org\.apache\.flink\.configuration\.(Configuration|ConfigOption|ExecutionOptions|CheckpointingOptions|StateBackendOptions|ExternalizedCheckpointRetention);/import dev.runnel.api.configuration.\1;/

# --- Kafka: module runnel-connector-kafka
s/^import[[:space:]]+org\.apache\.flink\.connector\.kafka\.source\.(KafkaSource|KafkaSourceBuilder);/import dev.runnel.connector.kafka.source.\1;/
s/^import[[:space:]]+org\.apache\.flink\.connector\.kafka\.source\.enumerator\.initializer\.(OffsetsInitializer|OffsetResetStrategy);/import dev.runnel.connector.kafka.source.\1;/
s/^import[[:space:]]+org\.apache\.flink\.connector\.kafka\.source\.reader\.deserializer\.(KafkaRecordDeserializationSchema);/import dev.runnel.connector.kafka.source.\1;/
s/^import[[:space:]]+org\.apache\.flink\.connector\.kafka\.sink\.(KafkaSink|KafkaSinkBuilder|KafkaRecordSerializationSchema|TopicSelector);/import dev.runnel.connector.kafka.sink.\1;/
s/^import[[:space:]]+org\.apache\.flink\.connector\.base\.(DeliveryGuarantee);/import dev.runnel.connector.base.\1;/
s/^import[[:space:]]+org\.apache\.flink\.api\.common\.serialization\.(DeserializationSchema|SerializationSchema|SimpleStringSchema);/import dev.runnel.connector.kafka.\1;/

# --- CEP: module runnel-cep
s/^import[[:space:]]+org\.apache\.flink\.cep\.\*;/import dev.runnel.cep.*;/
s/^import[[:space:]]+org\.apache\.flink\.cep\.(CEP|PatternStream|PatternSelectFunction|PatternFlatSelectFunction|PatternTimeoutFunction|PatternFlatTimeoutFunction|EventComparator);/import dev.runnel.cep.\1;/
s/^import[[:space:]]+org\.apache\.flink\.cep\.functions\.(PatternProcessFunction|TimedOutPartialMatchHandler);/import dev.runnel.cep.functions.\1;/
s/^import[[:space:]]+org\.apache\.flink\.cep\.pattern\.(Pattern|GroupPattern|Quantifier|WithinType|MalformedPatternException);/import dev.runnel.cep.pattern.\1;/
s/^import[[:space:]]+org\.apache\.flink\.cep\.nfa\.aftermatch\.(AfterMatchSkipStrategy);/import dev.runnel.cep.pattern.\1;/
s/^import[[:space:]]+org\.apache\.flink\.cep\.pattern\.conditions\.(IterativeCondition|SimpleCondition|AndCondition|OrCondition|SubtypeCondition);/import dev.runnel.cep.pattern.conditions.\1;/

# --- the one Flink type name Runnel spells differently, everywhere in the file (not only in imports)
s/StreamExecutionEnvironment/StreamEnvironment/g
