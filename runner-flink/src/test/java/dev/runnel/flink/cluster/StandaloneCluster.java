package dev.runnel.flink.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink standalone session cluster on loopback, one JVM per process, started the way Flink's
 * {@code start-cluster.sh} starts one: a JobManager ({@code StandaloneSessionClusterEntrypoint}) and
 * TaskManagers ({@code TaskManagerRunner}), Flink's own entry points, with a configuration directory.
 * The processes' class path is Flink with its dependencies and no Runnel class: a job's Runnel code
 * reaches them only in the job jar ({@link JobJar}), as on a real cluster.
 *
 * <p>Ports are free ones found at start; configuration, logs, blobs and checkpoints live in the
 * directory given. {@link #close} ends every process (forcibly after a grace period), and a shutdown
 * hook does the same if the test JVM exits first, so no process outlives the test.
 */
public final class StandaloneCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final String classPath;
    private final int restPort;
    private final Process jobManager;
    private final List<Process> taskManagers = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::destroyAll, "stop-flink-cluster");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StandaloneCluster(Path dir, String classPath, int restPort, Process jobManager) {
        this.dir = dir;
        this.classPath = classPath;
        this.restPort = restPort;
        this.jobManager = jobManager;
    }

    /**
     * Starts a JobManager and {@code taskManagers} TaskManagers of {@code slotsPerTaskManager} slots
     * each, and returns when all TaskManagers have registered.
     */
    public static StandaloneCluster start(Path dir, String flinkClassPath, int taskManagers, int slotsPerTaskManager) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        int restPort = freePort();
        Files.writeString(conf.resolve("config.yaml"), config(dir, restPort, slotsPerTaskManager));
        StandaloneCluster cluster = new StandaloneCluster(dir, flinkClassPath, restPort,
            launch(dir, flinkClassPath, "jobmanager", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "-Xmx384m"));
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            cluster.awaitTaskManagers(taskManagers);
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** Flink's options for a small cluster on loopback that notices a lost TaskManager within seconds. */
    private static String config(Path dir, int restPort, int slots) throws IOException {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", "127.0.0.1");
        c.put("jobmanager.rpc.port", String.valueOf(freePort()));
        c.put("jobmanager.bind-host", "127.0.0.1");
        c.put("rest.address", "127.0.0.1");
        c.put("rest.bind-address", "127.0.0.1");
        c.put("rest.port", String.valueOf(restPort));
        c.put("taskmanager.host", "127.0.0.1");
        c.put("taskmanager.bind-host", "127.0.0.1");
        c.put("taskmanager.numberOfTaskSlots", String.valueOf(slots));
        // spread a job's slots over the TaskManagers, so every TaskManager runs part of it
        c.put("cluster.evenly-spread-out-slots", "true");
        // TaskManagerRunner started directly (not through Flink's scripts) needs its memory spelled out
        c.put("taskmanager.cpu.cores", "2");
        c.put("taskmanager.memory.task.heap.size", "200m");
        c.put("taskmanager.memory.task.off-heap.size", "0m");
        c.put("taskmanager.memory.framework.heap.size", "64m");
        c.put("taskmanager.memory.framework.off-heap.size", "64m");
        c.put("taskmanager.memory.network.min", "32m");
        c.put("taskmanager.memory.network.max", "32m");
        c.put("taskmanager.memory.managed.size", "32m");
        c.put("taskmanager.memory.jvm-metaspace.size", "128m");
        c.put("taskmanager.memory.jvm-overhead.min", "64m");
        c.put("taskmanager.memory.jvm-overhead.max", "64m");
        c.put("jobmanager.memory.process.size", "600m");
        // a killed TaskManager is declared lost after a few seconds, not Flink's default 50
        c.put("heartbeat.interval", "1000");
        c.put("heartbeat.timeout", "10000");
        c.put("restart-strategy.type", "fixed-delay");
        c.put("restart-strategy.fixed-delay.attempts", "100");
        c.put("restart-strategy.fixed-delay.delay", "500 ms");
        c.put("io.tmp.dirs", Files.createDirectories(dir.resolve("tmp")).toString());
        c.put("blob.storage.directory", Files.createDirectories(dir.resolve("blobs")).toString());
        c.put("web.tmpdir", Files.createDirectories(dir.resolve("web")).toString());
        StringBuilder yaml = new StringBuilder();
        c.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
        return yaml.toString();
    }

    private static Process launch(Path dir, String classPath, String name, String mainClass, String heap) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.add("-XX:MaxDirectMemorySize=256m");
        command.add("-XX:+UseSerialGC"); // two cores shared by the test JVM and three Flink JVMs
        command.add("-XX:TieredStopAtLevel=1");
        // the --add-opens Flink's launch scripts pass, as this JVM got them from the build
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports")) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.add("--configDir");
        command.add(dir.resolve("conf").toString());
        Path log = dir.resolve(name + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Starts one more TaskManager (it registers with the JobManager by itself). */
    public void startTaskManager() throws IOException {
        int n = taskManagers.size();
        taskManagers.add(launch(dir, classPath, "taskmanager-" + n, "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "-Xmx320m"));
    }

    /** The TaskManager processes in start order. */
    public List<Process> taskManagers() {
        return List.copyOf(taskManagers);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int restPort() {
        return restPort;
    }

    /** GET on the REST API, the response body. */
    public String rest(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path)).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A number field of a REST response ({@code "name":123}), or -1 when the response has none. */
    public static long field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private void awaitTaskManagers(int count) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!jobManager.isAlive()) {
                throw new IllegalStateException("The JobManager exited with " + jobManager.exitValue() + ":\n" + tail("jobmanager"));
            }
            for (int i = 0; i < taskManagers.size(); i++) {
                if (!taskManagers.get(i).isAlive()) {
                    throw new IllegalStateException("TaskManager " + i + " exited:\n" + tail("taskmanager-" + i));
                }
            }
            try {
                if (field(rest("/overview"), "taskmanagers") >= count) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the REST endpoint is not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No " + count + " TaskManagers registered within " + START_TIMEOUT + ":\n" + tail("jobmanager"));
            }
            Thread.sleep(100);
        }
    }

    /** The end of a process's log, for failure messages. */
    public String tail(String process) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(process + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void destroyAll() {
        List<Process> all = new ArrayList<>(taskManagers);
        all.add(jobManager);
        all.forEach(Process::destroy);
        for (Process p : all) {
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
    }
}
