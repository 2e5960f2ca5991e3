package dev.runnel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --checkpoint-dir} and {@code --restore}: a run interrupted part-way (its output fails at a
 * given line, as a full disk would) and restored from its checkpoints prints exactly what the
 * uninterrupted run prints after the restored checkpoint; together with what the interrupted run
 * printed before, nothing is missing.
 */
class CliCheckpointTest {
    @TempDir
    Path dir;

    private Path generate(String scenario, int events) {
        Path data = dir.resolve(scenario + ".csv");
        CliRun generated = CliRun.of("generate", scenario, "--events", String.valueOf(events), "--seed", "9",
            "--disorder", "900ms", "--late-rate", "0.01", "--malformed-rate", "0.005", "--out", data.toString());
        assertThat(generated.exitCode()).isZero();
        return data;
    }

    /** An output that takes {@code lines} lines and then fails, like a disk that fills up. */
    private static final class FailingAfter extends OutputStream {
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private int lines;
        private final int limit;

        FailingAfter(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (lines >= limit) {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
            written.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                lines += b[i] == '\n' ? 1 : 0;
            }
        }

        List<String> lines() {
            return written.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static int runInto(OutputStream out, String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private void interruptedAndRestoredRunContinuesTheUninterruptedOne(String example, String scenario, String... options)
            throws IOException {
        Path data = generate(scenario, 10_000);
        Path checkpoints = dir.resolve("checkpoints-" + example);
        String[] common = {example, "--quiet", "--input", data.toString()};
        List<String> uninterrupted = CliRun.of(concat(common, options)).lines();

        FailingAfter failing = new FailingAfter(uninterrupted.size() / 2);
        int interruptedCode = runInto(failing, concat(common, options, "--checkpoint-dir", checkpoints.toString(), "--checkpoint-interval", "0s"));
        CliRun restored = CliRun.of(concat(common, options, "--restore", checkpoints.toString()));

        assertThat(interruptedCode).as("the interrupted run fails").isEqualTo(1);
        try (Stream<Path> files = Files.list(checkpoints)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("checkpoints kept").hasSizeBetween(1, 3)
                .allMatch(name -> name.matches("chk-\\d{19}\\.ckp"));
        }
        assertThat(restored.exitCode()).isZero();
        List<String> resumed = restored.lines();
        int before = uninterrupted.size() - resumed.size();
        assertThat(before).as("lines before the restored checkpoint").isPositive();
        assertThat(resumed).as("the restored run continues the uninterrupted one")
            .containsExactlyElementsOf(uninterrupted.subList(before, uninterrupted.size()));
        assertThat(failing.lines().subList(0, before)).as("the interrupted run printed everything before the checkpoint")
            .containsExactlyElementsOf(uninterrupted.subList(0, before));
    }

    private static String[] concat(String[] first, String[] second, String... more) {
        return Stream.of(first, second, more).flatMap(Stream::of).toArray(String[]::new);
    }

    @Test
    void fraudDetectorRestoredAfterAnInterruptionPrintsTheRestOfTheUninterruptedOutput() throws IOException {
        interruptedAndRestoredRunContinuesTheUninterruptedOne("fraud", "fraud", "--windows");
    }

    @Test
    void riskEngineWithItsNonSerializableProfilesRestoresToo() throws IOException {
        interruptedAndRestoredRunContinuesTheUninterruptedOne("risk", "risk", "--all");
    }

    @Test
    void checkpointDirectoryOnTheBundledSampleHoldsACheckpoint() throws IOException {
        Path checkpoints = dir.resolve("sample-checkpoints");
        CliRun run = CliRun.of("cepfraud", "--quiet", "--checkpoint-dir", checkpoints.toString(), "--checkpoint-interval", "0s");

        assertThat(run.exitCode()).isZero();
        try (Stream<Path> files = Files.list(checkpoints)) {
            assertThat(files.toList()).isNotEmpty();
        }
    }

    @Test
    void restoreFromAnEmptyDirectoryIsAOneLineUsageError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CliRun run = CliRun.of("fraud", "--restore", empty.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).isEmpty();
        assertThat(run.stderr().lines().toList()).containsExactly(
            "--restore " + empty + ": no valid checkpoint in it (see: java -jar runnel-examples.jar fraud --help)");
    }

    @Test
    void restoreFromAMissingDirectoryIsAOneLineUsageError() {
        Path missing = dir.resolve("missing");

        CliRun run = CliRun.of("logs", "--restore", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().lines().toList()).containsExactly(
            "--restore " + missing + ": no such directory (see: java -jar runnel-examples.jar logs --help)");
    }
}
