package dev.runnel.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink 1.20.0's own streaming examples, exactly as Flink ships them, port by their imports alone:
 * each program's files are rewritten by docs/porting/flink-imports.sed, compiled together, and run
 * with the same arguments (and input files) they were run with on Flink 1.20.0 at parallelism 1;
 * they must print what Flink printed. Programs whose output depends on the wall clock or a random
 * generator are checked to compile.
 */
class FlinkExamplesPortTest {
    private static final String PKG = "org.apache.flink.streaming.examples.";
    private static final List<String> WORD_COUNT = List.of(
        FlinkExamples.EXAMPLES + "wordcount/WordCount.java",
        FlinkExamples.EXAMPLES + "wordcount/util/CLI.java",
        FlinkExamples.EXAMPLES + "wordcount/util/WordCountData.java");
    /** An import the map left as it was: of Flink's API, not of the program's own classes. */
    private static final Pattern UNMAPPED_IMPORT = Pattern.compile(
        "^import\\s+(static\\s+)?org\\.apache\\.flink\\.(?!streaming\\.examples\\.|walkthrough\\.common\\.)", Pattern.MULTILINE);

    @TempDir Path classes;
    @TempDir Path work;

    @Test
    void wordCountOverItsBuiltInText() throws Exception {
        assertPrintsWhatFlinkPrinted(PKG + "wordcount.WordCount", WORD_COUNT, "WordCount.out");
    }

    @Test
    void wordCountReadingAFileWithFileSource() throws Exception {
        Path words = FlinkExamples.input("words.txt", work);
        assertPrintsWhatFlinkPrinted(PKG + "wordcount.WordCount", WORD_COUNT, "WordCount-input.out", "--input", words.toString());
    }

    @Test
    void wordCountWritingPartFilesWithFileSink() throws Exception {
        Path words = FlinkExamples.input("words.txt", work);
        Path output = work.resolve("out");
        String printed = compileAndRun(PKG + "wordcount.WordCount", WORD_COUNT, "--input", words.toString(), "--output", output.toString());

        assertThat(printed).isEmpty();
        List<Path> parts = files(output);
        assertThat(parts).as("part files, as Flink names them").hasSize(1);
        assertThat(output.relativize(parts.get(0)).toString()).matches("\\d{4}-\\d{2}-\\d{2}--\\d{2}/part-[0-9a-f-]{36}-0");
        assertThat(Files.readString(parts.get(0), StandardCharsets.UTF_8)).isEqualTo(FlinkExamples.resource("WordCount-output.files"));
    }

    @Test
    void windowWordCountOverItsBuiltInText() throws Exception {
        assertPrintsWhatFlinkPrinted(PKG + "windowing.WindowWordCount", windowWordCount(), "WindowWordCount.out");
    }

    @Test
    void windowWordCountWithSmallCountWindowsOverAFile() throws Exception {
        Path words = FlinkExamples.input("words.txt", work);
        assertPrintsWhatFlinkPrinted(PKG + "windowing.WindowWordCount", windowWordCount(), "WindowWordCount-input.out",
            "--input", words.toString(), "--window", "3", "--slide", "2");
    }

    @Test
    void sideOutputExample() throws Exception {
        String printed = compileAndRun(PKG + "sideoutput.SideOutputExample", List.of(
            FlinkExamples.EXAMPLES + "sideoutput/SideOutputExample.java",
            FlinkExamples.EXAMPLES + "wordcount/util/WordCountData.java"));
        // Two print sinks without a prefix: Flink's threads interleave them at random, so the rejected
        // words (in Flink's order) and the counts are compared apart. The counts are all windows of
        // different words ending at one instant: Flink fires them in its timer heap's order, Runnel in
        // the order they were registered (docs/porting.md, "Timers of different keys"), so they are
        // compared as a set of lines.
        Map<Boolean, List<String>> ours = byKind(printed);
        Map<Boolean, List<String>> flinks = byKind(FlinkExamples.resource("SideOutputExample.out"));
        assertThat(ours.get(true)).isEqualTo(flinks.get(true));
        assertThat(ours.get(false)).containsExactlyInAnyOrderElementsOf(flinks.get(false));
    }

    @Test
    void sessionWindowingWithDataGeneratorSource() throws Exception {
        assertPrintsWhatFlinkPrinted(PKG + "windowing.SessionWindowing",
            List.of(FlinkExamples.EXAMPLES + "windowing/SessionWindowing.java"), "SessionWindowing.out");
    }

    @Test
    void topSpeedWindowingOverAFile() throws Exception {
        Path cars = FlinkExamples.input("cars.txt", work);
        assertPrintsWhatFlinkPrinted(PKG + "windowing.TopSpeedWindowing", List.of(
                FlinkExamples.EXAMPLES + "windowing/TopSpeedWindowing.java",
                FlinkExamples.EXAMPLES + "windowing/util/CarGeneratorFunction.java",
                FlinkExamples.EXAMPLES + "wordcount/util/CLI.java"),
            "TopSpeedWindowing-input.out", "--input", cars.toString());
    }

    /**
     * Random events from a rate-limited DataGeneratorSource, checked by a keyed state machine in a
     * RichFlatMapFunction (ValueState, open(OpenContext)), with checkpointing on; it never ends. The
     * alerts are random (Flink's generator has no seed), so their form is checked: twenty of them,
     * after exactly Flink's usage text.
     */
    @Test
    void stateMachineExampleRaisesAlertsForInvalidTransitions() throws Exception {
        String main = PKG + "statemachine.StateMachineExample";
        List<String> files = new ArrayList<>();
        for (String file : List.of("StateMachineExample", "dfa/EventTypeAndState", "dfa/State", "dfa/Transition", "event/Alert",
                "event/Event", "event/EventType", "generator/EventsGenerator", "generator/EventsGeneratorFunction",
                "kafka/EventDeSerializationSchema")) {
            files.add(FlinkExamples.EXAMPLES + "statemachine/" + file + ".java");
        }
        compile(main, files);
        Pattern alert = Pattern.compile("ALERT \\d+\\.\\d+\\.\\d+\\.\\d+ : \\w+ -> [a-g]");
        String printed = ProgramRun.runUntil(classes, main, out -> out.lines().filter(l -> l.startsWith("ALERT")).count() >= 20,
            Duration.ofSeconds(30), "--error-rate", "0.5", "--rps", "100");

        List<String> lines = lines(printed);
        List<String> header = lines(FlinkExamples.resource("StateMachineExample-header.out"));
        assertThat(lines.subList(0, header.size())).isEqualTo(header);
        assertThat(lines.subList(header.size(), lines.size())).hasSizeGreaterThanOrEqualTo(20).allMatch(l -> alert.matcher(l).matches());
    }

    /**
     * Reads lines from a server socket the test runs, and counts words in 5-second processing-time
     * windows. The text is sent at once early in a window, and the connection stays open until the
     * window has fired: Flink prints a processing-time window only when its time comes, and drops
     * pending ones when the source ends. Flink's output (recorded against the same text, sent the same
     * way) is compared as a set of lines: all words' windows fire at one instant, in the order of
     * Flink's timer heap (docs/porting.md, "Timers of different keys").
     */
    @Test
    void socketWindowWordCountOverALocalServerSocket() throws Exception {
        String main = PKG + "socket.SocketWindowWordCount";
        compile(main, List.of(FlinkExamples.EXAMPLES + "socket/SocketWindowWordCount.java"));
        List<String> expected = lines(FlinkExamples.resource("SocketWindowWordCount.out"));
        byte[] text = Files.readAllBytes(FlinkExamples.input("socket-words.txt", work));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> connected = CompletableFuture.supplyAsync(() -> {
                try {
                    Socket client = server.accept();
                    awaitEarlyInAFiveSecondWindow();
                    client.getOutputStream().write(text);
                    client.getOutputStream().flush();
                    return client; // stays open until the window has fired
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            String printed = ProgramRun.runUntil(classes, main, out -> lines(out).size() >= expected.size(), Duration.ofSeconds(30),
                "--port", String.valueOf(server.getLocalPort()));
            connected.join().close();
            assertThat(lines(printed)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Waits (at most 2.5 s) until the wall clock is in the first half of a 5-second window, so that all the text lands in one. */
    private static void awaitEarlyInAFiveSecondWindow() throws InterruptedException {
        while (System.currentTimeMillis() % 5000 > 2500) {
            Thread.sleep(10);
        }
    }

    /**
     * Async I/O (orderedWait / unorderedWait with a RichAsyncFunction over a client on the common pool):
     * compiled, not run. Its input is endless, its client sleeps at random and fails one request in a
     * thousand at random (failing the job, on Flink too); AsyncEnrichment pins the semantics.
     */
    @Test
    void asyncIoExampleCompiles() throws Exception {
        compile(PKG + "async.AsyncIOExample", List.of(
            FlinkExamples.EXAMPLES + "async/AsyncIOExample.java", FlinkExamples.EXAMPLES + "async/AsyncClient.java"));
    }

    /** 20 million generated records into processing-time windows, printing how long it took: compiled, not run. */
    @Test
    void groupedProcessingTimeWindowExampleCompiles() throws Exception {
        compile(PKG + "windowing.GroupedProcessingTimeWindowExample",
            List.of(FlinkExamples.EXAMPLES + "windowing/GroupedProcessingTimeWindowExample.java"));
    }

    /** Random names and salaries, rate-limited, joined in ingestion-time windows, without end: compiled, not run. */
    @Test
    void windowJoinCompiles() throws Exception {
        compile(PKG + "join.WindowJoin", List.of(
            FlinkExamples.EXAMPLES + "join/WindowJoin.java", FlinkExamples.EXAMPLES + "join/WindowJoinSampleData.java"));
    }

    private static List<String> windowWordCount() {
        List<String> files = new ArrayList<>(WORD_COUNT);
        files.add(FlinkExamples.EXAMPLES + "windowing/WindowWordCount.java");
        return files;
    }

    private void assertPrintsWhatFlinkPrinted(String mainClass, List<String> files, String flinkOutput, String... args) throws Exception {
        String printed = compileAndRun(mainClass, files, args);
        assertThat(lines(printed)).isEqualTo(lines(FlinkExamples.resource(flinkOutput)));
    }

    private String compileAndRun(String mainClass, List<String> files, String... args) throws Exception {
        compile(mainClass, files);
        return ProgramRun.run(classes, mainClass, args);
    }

    private void compile(String mainClass, List<String> files) throws Exception {
        Map<String, String> ported = FlinkExamples.portedSources(files);
        ported.forEach((file, source) ->
            assertThat(UNMAPPED_IMPORT.matcher(source).find()).as("an import of Flink left in the ported %s", file).isFalse());
        ProgramCompiler.Result compiled = ProgramCompiler.compile(mainClass, ported, classes);
        assertThat(compiled.errors()).as("compiler errors in the ported %s", mainClass).isEmpty();
    }

    private static List<String> lines(String printed) {
        return printed.lines().filter(l -> !l.isEmpty()).toList();
    }

    private static Map<Boolean, List<String>> byKind(String printed) {
        return lines(printed).stream().collect(java.util.stream.Collectors.partitioningBy(l -> l.startsWith("rejected: ")));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
