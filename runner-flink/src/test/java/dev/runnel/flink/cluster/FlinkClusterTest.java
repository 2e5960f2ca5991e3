package dev.runnel.flink.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.flink.FlinkParts;
import dev.runnel.flink.FlinkRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.client.cli.CliFrontend;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fraud detector on a real Flink cluster: a JobManager and two TaskManagers, each its own JVM
 * on loopback ({@link StandaloneCluster}), the job submitted with a job jar holding Runnel and the
 * job ({@link JobJar}). The cluster's processes have no Runnel class of their own, so user functions,
 * records and keyed state cross process boundaries by serialization; the output comes back through
 * files Flink's TaskManagers commit. The last test kills a TaskManager mid-job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkClusterTest {
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path dir;
    private static StandaloneCluster cluster;
    private static Path jobJar;

    @BeforeAll
    static void startCluster() throws Exception {
        JobJar split = JobJar.ofThisClassPath();
        jobJar = split.write(dir.resolve("job.jar"));
        cluster = StandaloneCluster.start(dir.resolve("cluster"), split.clusterClassPath(), 2, 2);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static StreamExecutionEnvironment remote() {
        return StreamExecutionEnvironment.createRemoteEnvironment(cluster.host(), cluster.restPort(), jobJar.toString());
    }

    /** Every output of the job on Runnel in this JVM, each sorted. */
    private static Map<String, List<String>> onRunnel(TransactionScript source, Path out) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        FraudJob.build(env, source, out);
        env.execute("fraud");
        Map<String, List<String>> outputs = new LinkedHashMap<>();
        for (String name : FraudJob.OUTPUTS) {
            List<String> lines = new ArrayList<>(ExactlyOnceFileSink.readCommitted(out.resolve(name)));
            lines.sort(null);
            outputs.put(name, lines);
        }
        return outputs;
    }

    private static Map<String, List<String>> committedOnFlink(Path out) throws Exception {
        Map<String, List<String>> outputs = new LinkedHashMap<>();
        for (String name : FraudJob.OUTPUTS) {
            outputs.put(name, FlinkParts.committedLinesSorted(out.resolve(name)));
        }
        return outputs;
    }

    @Test
    @Order(1)
    void fraudDetectorOnTwoTaskManagersGivesTheLocalOutput() throws Exception {
        Map<String, List<String>> local = onRunnel(TransactionScript.withDisorder(42, 1500), dir.resolve("runnel-1"));
        assertThat(local.get("anomalies")).isNotEmpty();
        assertThat(local.get("late")).isNotEmpty();
        assertThat(local.get("silent")).isNotEmpty();
        assertThat(local.get("outliers")).isNotEmpty();
        assertThat(local.get("future")).hasSize(1);

        // submitted as `flink run -c dev.runnel.flink.cluster.FraudJob job.jar OUT CHECKPOINTS` submits it
        Path out = dir.resolve("flink-1");
        Path conf = dir.resolve("cluster").resolve("conf");
        Configuration config = GlobalConfiguration.loadConfiguration(conf.toString());
        CliFrontend flinkCli = new CliFrontend(config, CliFrontend.loadCustomCommandLines(config, conf.toString()));
        int exit = flinkCli.parseAndRun(new String[] {"run", "-c", FraudJob.class.getName(), jobJar.toString(),
            out.toString(), dir.resolve("checkpoints-1").toString()});
        assertThat(exit).as("flink run's exit code").isZero();

        assertThat(committedOnFlink(out)).isEqualTo(local);
        assertThat(tasksPerTaskManager(onlyJob())).as("subtasks ran on both TaskManagers").hasSize(2);
    }

    private static String onlyJob() throws Exception {
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f]{32})\"").matcher(cluster.rest("/jobs"));
        assertThat(id.find()).as("a job on the cluster").isTrue();
        String job = id.group(1);
        assertThat(id.find()).as("one job on the cluster").isFalse();
        return job;
    }

    /** The TaskManagers the job's subtasks ran on, from the REST API. */
    private static List<String> tasksPerTaskManager(String job) throws Exception {
        List<String> taskManagers = new ArrayList<>();
        Matcher vertex = Pattern.compile("\"id\":\"([0-9a-f]{32})\"").matcher(cluster.rest("/jobs/" + job));
        while (vertex.find()) {
            String subtasks = cluster.rest("/jobs/" + job + "/vertices/" + vertex.group(1) + "/taskmanagers");
            Matcher tm = Pattern.compile("\"taskmanager-id\":\"([^\"]+)\"").matcher(subtasks);
            while (tm.find()) {
                if (!taskManagers.contains(tm.group(1))) {
                    taskManagers.add(tm.group(1));
                }
            }
        }
        return taskManagers;
    }

    @Test
    @Order(2)
    void killedTaskManagerRestartsFromACheckpointWithExactlyOnceOutput() throws Exception {
        Path gates = Files.createDirectories(dir.resolve("gates"));
        int rows = 3000;
        Map<String, List<String>> uninterrupted = onRunnel(TransactionScript.inOrder(7, rows, gates), dir.resolve("runnel-2"));
        assertThat(uninterrupted.get("anomalies")).isNotEmpty();
        assertThat(uninterrupted.get("silent")).isNotEmpty();
        assertThat(uninterrupted.get("outliers")).isNotEmpty();
        // the Runnel run passed the gates as they were open; close them for the Flink run
        try (var files = Files.list(gates)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }

        Path out = dir.resolve("flink-2");
        StreamEnvironment job = StreamEnvironment.create().setParallelism(2)
            .enableCheckpointing(Duration.ofMillis(300), new CheckpointStorage(dir.resolve("checkpoints-2"), 1));
        FraudJob.build(job, TransactionScript.inOrder(7, rows, gates, 1000, 2000), out);
        StreamExecutionEnvironment flink = remote();
        FlinkRunner.translate(job, flink);
        JobClient client = flink.executeAsync("fraud with a lost TaskManager");
        String checkpoints = "/jobs/" + client.getJobID() + "/checkpoints";
        assertThat(cluster.rest("/jobs/" + client.getJobID() + "/exceptions")).doesNotContain("\"root-exception\":\"");

        // a third of the rows in: wait until a checkpoint taken there has committed output
        await("the source reaches its first gate", () -> Files.exists(gates.resolve("reached-0")));
        long completedAtGate = StandaloneCluster.field(cluster.rest(checkpoints), "completed");
        await("a checkpoint after the first gate completes", () -> completed(checkpoints) >= completedAtGate + 2);
        assertThat(FlinkParts.anyCommitted(out.resolve("sums"))).as("committed output before the kill").isTrue();

        // two thirds in, with rows past the last checkpoint in flight or written but not committed: kill
        Files.createFile(gates.resolve("open-0"));
        await("the source reaches its second gate", () -> Files.exists(gates.resolve("reached-1")));
        Process victim = cluster.taskManagers().get(1);
        victim.destroyForcibly().waitFor();
        Files.createFile(gates.resolve("open-1"));

        client.getJobExecutionResult().get(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        // the job failed (the lost TaskManager, then maybe deployments to it before it was declared lost) and
        // still finished: it restarted, and
        // the output below has neither holes nor the duplicates a restart without its checkpoint would give
        assertThat(cluster.rest("/jobs/" + client.getJobID() + "/exceptions")).contains("\"root-exception\":\"");
        assertThat(committedOnFlink(out)).isEqualTo(uninterrupted);
    }

    private static long completed(String checkpoints) {
        try {
            return StandaloneCluster.field(cluster.rest(checkpoints), "completed");
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what + "; JobManager log:\n" + cluster.tail("jobmanager"));
            }
            Thread.sleep(20);
        }
    }
}
