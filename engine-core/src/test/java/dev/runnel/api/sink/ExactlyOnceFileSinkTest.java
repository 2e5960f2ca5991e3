package dev.runnel.api.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two phases of the file sink: pre-commit at a checkpoint, commit when it completes, and what a restore keeps. */
class ExactlyOnceFileSinkTest {
    @TempDir
    Path dir;

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void outputBecomesVisibleOnlyWhenItsCheckpointCompletes() throws Exception {
        ExactlyOnceFileSink<String> sink = ExactlyOnceFileSink.lines(dir, s -> s);
        TwoPhaseCommitSink.Writer<String> w = sink.createWriter(0, List.of());
        w.write("a", 0);
        w.write("b", 0);
        w.preCommit(1);
        w.write("c", 0);
        w.preCommit(2);
        w.write("d", 0);
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).isEmpty();
        w.commit(1);
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a", "b");
        w.commit(2);
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a", "b", "c");
        w.finish();
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a", "b", "c", "d");
        assertThat(files()).allMatch(f -> f.startsWith("part-00000-"));
    }

    @Test
    void aRestoreCommitsTheCheckpointsPartsAndDiscardsLaterOnes() throws Exception {
        ExactlyOnceFileSink<String> sink = ExactlyOnceFileSink.lines(dir, s -> s);
        TwoPhaseCommitSink.Writer<String> w = sink.createWriter(0, List.of());
        w.write("a", 0);
        w.preCommit(1);
        w.commit(1);
        w.write("b", 0);
        byte[] atCheckpoint2 = w.preCommit(2); // checkpoint 2 is written, the crash comes before its commit
        w.write("c", 0);
        w.preCommit(3); // never completes
        w.write("d", 0);
        w.close(); // the crash
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a");

        sink.recover(List.of(atCheckpoint2));
        TwoPhaseCommitSink.Writer<String> restored = sink.createWriter(0, List.of(atCheckpoint2));
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a", "b");
        assertThat(files()).allMatch(f -> f.startsWith("part-"));
        restored.write("c", 0);
        restored.finish();
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a", "b", "c");

        // restoring the same checkpoint again keeps its parts and rolls back what the finished job committed after it
        sink.recover(List.of(atCheckpoint2));
        sink.createWriter(0, List.of(atCheckpoint2)).close();
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a", "b");
    }

    @Test
    void aRestoreRedoesCommitRenamesThatAPowerFailureUndid() throws Exception {
        ExactlyOnceFileSink<String> sink = ExactlyOnceFileSink.lines(dir, s -> s);
        TwoPhaseCommitSink.Writer<String> w = sink.createWriter(0, List.of());
        w.write("a", 0);
        w.preCommit(1);
        w.commit(1);
        w.write("b", 0);
        w.preCommit(2);
        w.commit(2);
        byte[] atCheckpoint3 = w.preCommit(3); // nothing new: parts 0 and 1 are committed, none pending
        w.close();
        // the renames that made parts 0 and 1 visible did not reach the disk
        Files.move(dir.resolve("part-00000-0000000000"), dir.resolve(".part-00000-0000000000.pending"));
        Files.move(dir.resolve("part-00000-0000000001"), dir.resolve(".part-00000-0000000001.inprogress"));
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).isEmpty();

        sink.recover(List.of(atCheckpoint3));
        sink.createWriter(0, List.of(atCheckpoint3)).close();
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a", "b");
    }

    @Test
    void aRestoreThatFallsBackToAnOlderCheckpointRollsBackWhatNewerCheckpointsCommitted() throws Exception {
        ExactlyOnceFileSink<String> sink = ExactlyOnceFileSink.lines(dir, s -> s);
        TwoPhaseCommitSink.Writer<String> w = sink.createWriter(0, List.of());
        w.write("a", 0);
        w.preCommit(1);
        w.commit(1);
        w.write("b", 0);
        byte[] atCheckpoint2 = w.preCommit(2);
        w.commit(2);
        w.write("c", 0);
        w.preCommit(3); // its checkpoint file is the one found damaged: the restore falls back to 2
        w.commit(3);
        w.write("d", 0);
        w.close(); // the crash
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a", "b", "c");

        sink.recover(List.of(atCheckpoint2));
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).as("c came after checkpoint 2").containsExactly("a", "b");
        TwoPhaseCommitSink.Writer<String> replay = sink.createWriter(0, List.of(atCheckpoint2));
        replay.write("c", 0);
        replay.write("d", 0);
        replay.finish();
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a", "b", "c", "d");
        assertThat(files()).containsExactly("part-00000-0000000000", "part-00000-0000000001", "part-00000-0000000002");
    }

    @Test
    void aFallbackToACheckpointAtLowerParallelismRollsBackSubtasksThatCameLater() throws Exception {
        ExactlyOnceFileSink<String> sink = ExactlyOnceFileSink.lines(dir, s -> s);
        sink.recover(List.of());
        TwoPhaseCommitSink.Writer<String> w = sink.createWriter(0, List.of());
        w.write("a", 0);
        byte[] atCheckpoint1 = w.preCommit(1);
        w.commit(1);
        w.close();

        // restored from checkpoint 1 at parallelism 2: subtask 1 is new and commits with checkpoint 2
        sink.recover(List.of(atCheckpoint1));
        TwoPhaseCommitSink.Writer<String> w0 = sink.createWriter(0, List.of(atCheckpoint1));
        TwoPhaseCommitSink.Writer<String> w1 = sink.createWriter(1, List.of());
        w0.write("b", 0);
        w1.write("x", 0);
        w0.preCommit(2);
        w1.preCommit(2);
        w0.commit(2);
        w1.commit(2);
        w0.close();
        w1.close();
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a", "b", "x");

        // checkpoint 2 is damaged: back to 1, which knows subtask 1 had no output then
        sink.recover(List.of(atCheckpoint1));
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a");
    }

    @Test
    void outputInTheDirectoryBeforeAFreshStartSurvivesRestoresOfThatJob() throws Exception {
        Files.write(dir.resolve("part-00003-0000000000"), List.of("earlier job"));
        ExactlyOnceFileSink<String> sink = ExactlyOnceFileSink.lines(dir, s -> s);
        sink.recover(List.of());
        TwoPhaseCommitSink.Writer<String> w = sink.createWriter(0, List.of());
        w.write("a", 0);
        byte[] atCheckpoint1 = w.preCommit(1);
        w.commit(1);
        w.write("b", 0);
        w.preCommit(2);
        w.commit(2);
        w.close();

        sink.recover(List.of(atCheckpoint1));
        assertThat(ExactlyOnceFileSink.readCommitted(dir)).containsExactly("a", "earlier job");
    }

    @Test
    void aStateWrittenBeforeSubtaskEndsWereStoredRollsBackItsOwnSubtaskAndLeavesOthersAlone() throws Exception {
        Files.write(dir.resolve("part-00000-0000000000"), List.of("a"));
        Files.write(dir.resolve("part-00000-0000000001"), List.of("after the checkpoint"));
        Files.write(dir.resolve("part-00001-0000000000"), List.of("x"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream old = new DataOutputStream(bytes); // subtask, next part number, no pending parts
        old.writeInt(0);
        old.writeLong(1);
        old.writeInt(0);
        ExactlyOnceFileSink<String> sink = ExactlyOnceFileSink.lines(dir, s -> s);

        sink.recover(List.of(bytes.toByteArray()));

        assertThat(ExactlyOnceFileSink.readCommitted(dir)).as("subtask 1 may predate the checkpoint").containsExactly("a", "x");
    }
}
