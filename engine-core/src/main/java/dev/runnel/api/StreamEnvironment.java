package dev.runnel.api;

import dev.runnel.api.configuration.Configuration;
import dev.runnel.api.configuration.ExecutionOptions;
import dev.runnel.api.configuration.StateBackendOptions;
import dev.runnel.api.functions.SourceFunction;
import dev.runnel.api.plan.JobPlan;
import dev.runnel.api.plan.PlanNode;
import dev.runnel.api.plan.SourceNode;
import dev.runnel.api.source.CollectionSource;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.checkpoint.CheckpointNotFoundException;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.checkpoint.StateSerializers;
import dev.runnel.checkpoint.TypeSerializer;
import dev.runnel.runtime.Checkpointing;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SocketTextStreamFunction;
import dev.runnel.api.source.SourceFunctionSource;
import dev.runnel.api.time.Clock;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.typeinfo.TypeInformation;
import dev.runnel.runtime.JobExecution;
import dev.runnel.runtime.exchange.KeyGroups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a job is defined and run. Sources, transformations and sinks added through the returned
 * streams form the job; {@link #execute} runs it in this process.
 */
public final class StreamEnvironment {
    /** The largest parallelism: one subtask per key group. */
    public static final int MAX_PARALLELISM = KeyGroups.MAX_PARALLELISM;

    private final Clock clock;
    private int parallelism = 1;
    private final ExecutionConfig config = new ExecutionConfig();
    private TimeCharacteristic timeCharacteristic = TimeCharacteristic.EventTime;
    private final List<PlanNode<?>> sinks = new ArrayList<>();
    private final Set<PlanNode<?>> explicitlyNamed = new HashSet<>();
    private final StateSerializers stateSerializers = new StateSerializers();
    private final java.util.Map<Class<?>, TypeSerializer<?>> registeredSerializers = new java.util.LinkedHashMap<>();
    private final CheckpointConfig checkpointConfig = new CheckpointConfig();
    private Path restoreDirectory;
    private int metricsPort = -1;

    private StreamEnvironment(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static StreamEnvironment create() {
        return new StreamEnvironment(Clock.SYSTEM);
    }

    /**
     * Flink's entry point, for programs ported from Flink: the same as {@link #create()} (Runnel always
     * runs in this process, so there is no remote or cluster environment to pick).
     */
    public static StreamEnvironment getExecutionEnvironment() {
        return create();
    }

    /** As {@link #getExecutionEnvironment()}, with Flink's options applied (which, and how: {@link Configuration}). */
    public static StreamEnvironment getExecutionEnvironment(Configuration configuration) {
        String backend = configuration.get(StateBackendOptions.STATE_BACKEND);
        if (!"hashmap".equalsIgnoreCase(backend)) {
            throw new UnsupportedOperationException("State backend '" + backend + "' is not available: Runnel keeps keyed state on the heap ("
                + StateBackendOptions.STATE_BACKEND.key() + ": hashmap)");
        }
        StreamEnvironment env = create();
        env.setRuntimeMode(configuration.get(ExecutionOptions.RUNTIME_MODE));
        env.checkpointConfig.configure(configuration);
        return env;
    }

    /** A job whose processing time comes from {@code clock}, e.g. a {@code ManualClock} in tests. */
    public static StreamEnvironment create(Clock clock) {
        return new StreamEnvironment(clock);
    }

    /**
     * How many subtasks run each keyed operator: 1 to {@link #MAX_PARALLELISM}. Keys are spread over
     * 128 key groups (Flink's default max parallelism), so more subtasks than that would have no
     * keys to work on.
     */
    public StreamEnvironment setParallelism(int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be at least 1 and at most " + MAX_PARALLELISM
                + " (the number of key groups), got " + parallelism);
        }
        this.parallelism = parallelism;
        return this;
    }

    public int getParallelism() {
        return parallelism;
    }

    /**
     * How often periodic watermark generators emit, in processing time (default 200 ms); zero
     * disables periodic emission, as in Flink (generators then emit only from {@code onEvent}).
     */
    public StreamEnvironment setAutoWatermarkInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("autoWatermarkInterval must be positive, or zero to disable periodic emission, got "
                + interval);
        }
        config.setAutoWatermarkInterval(interval.toMillis());
        return this;
    }

    /** The periodic watermark interval in milliseconds; 0 when periodic emission is off. */
    public long autoWatermarkIntervalMillis() {
        return config.getAutoWatermarkInterval();
    }

    /** Flink's job settings: global job parameters and the periodic watermark interval. */
    public ExecutionConfig getConfig() {
        return config;
    }

    /**
     * Accepts {@link RuntimeExecutionMode#STREAMING}, which is how Runnel runs every job. {@code BATCH}
     * and {@code AUTOMATIC} are refused: Flink's batch execution prints other results for the same
     * program (a keyed {@code reduce} emits only its final value per key), so running it as a stream
     * would not be a port.
     */
    public StreamEnvironment setRuntimeMode(RuntimeExecutionMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (mode != RuntimeExecutionMode.STREAMING) {
            throw new UnsupportedOperationException("Runnel runs jobs in STREAMING mode only, not " + mode
                + ": Flink's batch execution gives different output (e.g. a keyed reduce emits only the final value "
                + "per key); remove setRuntimeMode or pass RuntimeExecutionMode.STREAMING");
        }
        return this;
    }

    /**
     * Flink's deprecated time setting, for ported programs. As in Flink since 1.12, windows take their
     * time domain from their assigner whatever is set here; {@code ProcessingTime} turns periodic
     * watermarks off (interval 0), the others set the default 200 ms interval.
     *
     * @deprecated as in Flink; choose event- or processing-time window assigners instead.
     */
    @Deprecated
    public void setStreamTimeCharacteristic(TimeCharacteristic characteristic) {
        this.timeCharacteristic = Objects.requireNonNull(characteristic, "characteristic");
        config.setAutoWatermarkInterval(characteristic == TimeCharacteristic.ProcessingTime
            ? 0 : ExecutionConfig.DEFAULT_AUTO_WATERMARK_INTERVAL);
    }

    /** @deprecated as in Flink. */
    @Deprecated
    public TimeCharacteristic getStreamTimeCharacteristic() {
        return timeCharacteristic;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Takes a checkpoint every {@code interval} (measured on the system clock; zero: after every round
     * of source polls) into {@code storage}: aligned, exactly-once checkpoints at any parallelism.
     * Jobs whose sources have no resumable position or whose operators do not support checkpoints
     * are refused when they start. Print and collect sinks stay at-least-once: after a restore they
     * see again what was emitted since the checkpoint; {@code ExactlyOnceFileSink} is exactly-once.
     */
    public StreamEnvironment enableCheckpointing(Duration interval, CheckpointStorage storage) {
        checkpointConfig.enable(interval, storage);
        return this;
    }

    /**
     * Flink's form: a checkpoint every {@code intervalMillis} into the storage set on
     * {@link #getCheckpointConfig()} ({@code state.checkpoints.dir} in a {@link Configuration}), else
     * into a new directory {@code runnel-checkpoints-*} under {@code java.io.tmpdir}, keeping the newest
     * one, deleted when the JVM exits. Like Flink's default (in-memory) checkpoint storage that one does
     * not outlive the process; name a directory to keep checkpoints where a later run can
     * {@link #fromCheckpoint restore} them.
     */
    public StreamEnvironment enableCheckpointing(long intervalMillis) {
        checkpointConfig.setCheckpointInterval(intervalMillis);
        return this;
    }

    /** As {@link #enableCheckpointing(long)}; the mode is accepted (see {@link CheckpointingMode}). */
    public StreamEnvironment enableCheckpointing(long intervalMillis, CheckpointingMode mode) {
        checkpointConfig.setCheckpointingMode(mode);
        return enableCheckpointing(intervalMillis);
    }

    /** Flink's checkpoint settings: the interval, the storage, tolerated failures, the pause between checkpoints, ... */
    public CheckpointConfig getCheckpointConfig() {
        return checkpointConfig;
    }

    /** Where checkpoints go, or null when checkpointing is off (see {@link CheckpointConfig#getCheckpointStorage()}). */
    public CheckpointStorage getCheckpointStorage() {
        return checkpointConfig.getCheckpointStorage();
    }

    /** How many checkpoints in a row may fail before the job fails (default: unlimited, failures are logged). */
    public StreamEnvironment setTolerableCheckpointFailures(int failures) {
        checkpointConfig.setTolerableCheckpointFailureNumber(failures);
        return this;
    }

    /** How values of {@code type} in state are written to checkpoints (default: Java serialization). */
    public <T> StreamEnvironment registerTypeSerializer(Class<T> type, TypeSerializer<T> serializer) {
        stateSerializers.register(type, serializer);
        registeredSerializers.put(type, serializer);
        return this;
    }

    /**
     * The next job resumes from the newest valid checkpoint in {@code directory}. Newer files that are
     * truncated, corrupted or of another format version are skipped in favour of it: the fallback is
     * logged at WARN and reported in {@link CheckpointStats#skippedCheckpoints()}, and exactly-once
     * sinks roll back what they committed after the checkpoint restored, so its replay writes it once.
     * The directory is read when the job starts: {@code execute}/{@code executeAsync} throw
     * {@link CheckpointNotFoundException} if it holds no checkpoint that can be restored.
     */
    public StreamEnvironment fromCheckpoint(Path directory) {
        this.restoreDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(T... elements) {
        return fromCollection(Arrays.asList(elements));
    }

    /** Flink 1.19's name for {@link #fromElements}: a bounded stream of the given records. */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromData(T... elements) {
        return fromElements(elements);
    }

    /** Flink's {@code fromData(Collection)}: a bounded stream of the collection's records, in its order. */
    public <T> DataStreamSource<T> fromData(Collection<T> elements) {
        return fromCollection(elements);
    }

    /** As {@link #fromData(Collection)}; the type is accepted for Flink programs and not needed (see {@link TypeInformation}). */
    public <T> DataStreamSource<T> fromData(Collection<T> elements, TypeInformation<T> typeInfo) {
        Objects.requireNonNull(typeInfo, "typeInfo");
        return fromCollection(elements);
    }

    /** As {@link #fromData(Object[])}; the type is accepted for Flink programs and not needed (see {@link TypeInformation}). */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromData(TypeInformation<T> typeInfo, T... elements) {
        Objects.requireNonNull(typeInfo, "typeInfo");
        return fromElements(elements);
    }

    /** As {@link #fromData(Object[])}; the type is accepted for Flink programs and not needed (see {@link TypeInformation}). */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromData(Class<T> type, T... elements) {
        Objects.requireNonNull(type, "type");
        return fromElements(elements);
    }

    /** As {@link #fromElements(Object[])}; the type is accepted for Flink programs and not needed (see {@link TypeInformation}). */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(Class<T> type, T... elements) {
        Objects.requireNonNull(type, "type");
        return fromElements(elements);
    }

    /** A bounded stream of the given records, without timestamps (assign them downstream if needed). */
    public <T> DataStreamSource<T> fromCollection(Collection<T> elements) {
        return addSource(new CollectionSource<>(new ArrayList<>(elements)), WatermarkStrategy.noWatermarks(), "Collection", false);
    }

    /** As {@link #fromCollection(Collection)}; the type is accepted for Flink programs and not needed (see {@link TypeInformation}). */
    public <T> DataStreamSource<T> fromCollection(Collection<T> elements, TypeInformation<T> typeInfo) {
        Objects.requireNonNull(typeInfo, "typeInfo");
        return fromCollection(elements);
    }

    /** Flink's {@code fromSequence}: the numbers {@code from} to {@code to}, both included, in order. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("Start of sequence must not be greater than the end: " + from + " > " + to);
        }
        long count = to - from + 1;
        if (count <= 0 || count == Long.MAX_VALUE) {
            throw new IllegalArgumentException("Sequence " + from + " to " + to + " is too long");
        }
        return addSource(GeneratorSource.bounded(count, i -> from + i), WatermarkStrategy.noWatermarks(), "Sequence Source", false);
    }

    public <T> DataStreamSource<T> fromSource(Source<T> source, WatermarkStrategy<T> watermarkStrategy, String name) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(watermarkStrategy, "watermarkStrategy");
        Objects.requireNonNull(name, "name");
        return addSource(source, watermarkStrategy, name, true);
    }

    /**
     * Flink's legacy {@code addSource}: a push-based {@link SourceFunction}, run on its own thread
     * (see {@link SourceFunctionSource}). Its records carry no timestamp unless the function gives one.
     */
    public <T> DataStreamSource<T> addSource(SourceFunction<T> function) {
        return addSource(function, "Custom Source");
    }

    /**
     * Flink's {@code socketTextStream}: the text a server socket sends, cut at {@code delimiter}, with up
     * to {@code maxRetry} connections (-1: reconnect for ever); see {@link SocketTextStreamFunction}.
     */
    public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter, long maxRetry) {
        return addSource(new SocketTextStreamFunction(hostname, port, delimiter, maxRetry), "Socket Stream");
    }

    /** As {@link #socketTextStream(String, int, String, long)}, over one connection. */
    public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter) {
        return socketTextStream(hostname, port, delimiter, 0);
    }

    /** As {@link #socketTextStream(String, int, String, long)}: lines, over one connection. */
    public DataStreamSource<String> socketTextStream(String hostname, int port) {
        return socketTextStream(hostname, port, "\n");
    }

    /** @deprecated as in Flink: use the {@code String} delimiter. */
    @Deprecated
    public DataStreamSource<String> socketTextStream(String hostname, int port, char delimiter, long maxRetry) {
        return socketTextStream(hostname, port, String.valueOf(delimiter), maxRetry);
    }

    /** @deprecated as in Flink: use the {@code String} delimiter. */
    @Deprecated
    public DataStreamSource<String> socketTextStream(String hostname, int port, char delimiter) {
        return socketTextStream(hostname, port, String.valueOf(delimiter), 0);
    }

    public <T> DataStreamSource<T> addSource(SourceFunction<T> function, String sourceName) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(sourceName, "sourceName");
        return addSource(new SourceFunctionSource<>(function), WatermarkStrategy.noWatermarks(), sourceName, false);
    }

    private <T> DataStreamSource<T> addSource(Source<T> source, WatermarkStrategy<T> strategy, String name, boolean explicitName) {
        SourceNode<T> t = new SourceNode<>(source, strategy, name);
        if (explicitName) {
            explicitlyNamed.add(t);
        }
        return new DataStreamSource<>(this, t);
    }

    void addSink(PlanNode<?> sink) {
        sinks.add(sink);
    }

    void rename(PlanNode<?> t, String name) {
        t.setName(name);
        explicitlyNamed.add(t);
    }

    /** The serializers given to {@link #registerTypeSerializer}, for back ends other than the local one. */
    public java.util.Map<Class<?>, TypeSerializer<?>> registeredTypeSerializers() {
        return java.util.Collections.unmodifiableMap(registeredSerializers);
    }

    /** The checkpoint interval given to {@link #enableCheckpointing}, or {@code null} when checkpoints are off. */
    public Duration checkpointInterval() {
        return checkpointConfig.interval();
    }

    /** Where {@link #enableCheckpointing} stores checkpoints, or {@code null} when checkpoints are off. */
    public CheckpointStorage checkpointStorage() {
        return checkpointConfig.getCheckpointStorage();
    }

    /** As set by {@link #setTolerableCheckpointFailures} ({@code Integer.MAX_VALUE}: unlimited). */
    public int tolerableCheckpointFailures() {
        return checkpointConfig.getTolerableCheckpointFailureNumber();
    }

    /**
     * The job as recorded so far: its sinks (each reaching back to its sources) and settings, for a
     * back end to plan. The local runtime runs it on {@link #execute}.
     */
    public JobPlan plan() {
        return new JobPlan(List.copyOf(sinks), Set.copyOf(explicitlyNamed), parallelism, config.getAutoWatermarkInterval(),
            config.getTimersPerWatermarkStep());
    }

    /** Runs the job to completion in this thread's control and returns its result. */
    public JobResult execute() {
        return execute("runnel-job");
    }

    public JobResult execute(String jobName) {
        return executeAsync(jobName).await();
    }

    /** Starts the job on its own threads; use the client to wait for, or cancel, an unbounded job. */
    public JobClient executeAsync(String jobName) {
        if (sinks.isEmpty()) {
            throw new IllegalStateException("The job '" + jobName + "' has no sink; add one with addSink(...), print() or executeAndCollect()");
        }
        JobPlan plan = plan();
        sinks.clear();
        JobExecution execution = JobExecution.start(jobName, plan, clock, checkpointing());
        JobClient client = new JobClient(execution);
        if (metricsPort >= 0) {
            client.serveMetrics(metricsPort);
        }
        return client;
    }

    /**
     * Serves the job's metrics while it runs: Prometheus text at {@code /metrics}, JSON at {@code /jobs}
     * and a live job page at {@code /} on {@code port} (0: any free port, see
     * {@link JobClient#metricsEndpoint()}; Flink's Prometheus reporter uses 9249). The endpoint lives in
     * the module {@code runnel-metrics-prometheus}, which must be on the class path (engine-core has no
     * HTTP server); {@code execute}/{@code executeAsync} fail naming it otherwise. It stops when the job ends.
     */
    public StreamEnvironment enableMetricsEndpoint(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Metrics port must be between 0 and 65535, got " + port);
        }
        this.metricsPort = port;
        return this;
    }

    private Checkpointing checkpointing() {
        CheckpointStorage.Restored restore = null;
        if (restoreDirectory != null) {
            try {
                restore = new CheckpointStorage(restoreDirectory, 1).latest();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read checkpoints in " + restoreDirectory, e);
            }
            if (restore.checkpoint().isEmpty()) {
                throw new CheckpointNotFoundException(restoreDirectory, restore.skipped());
            }
        }
        checkpointConfig.validate();
        Duration interval = checkpointConfig.interval();
        return new Checkpointing(checkpointConfig.getCheckpointStorage(), interval == null ? 0 : interval.toNanos(),
            checkpointConfig.getTolerableCheckpointFailureNumber(), Duration.ofMillis(checkpointConfig.getMinPauseBetweenCheckpoints()).toNanos(),
            stateSerializers, restore);
    }
}
