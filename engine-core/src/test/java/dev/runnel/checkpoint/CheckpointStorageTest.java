package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStorageTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(CheckpointStorage.Restored r) {
        return new String(r.checkpoint().orElseThrow().payload(), StandardCharsets.UTF_8);
    }

    @Test
    void newestCheckpointReadsBackWithItsPayloadAndOnlyTheLastKAreRetained() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(dir, 2);
        storage.write(1, bytes("one"));
        storage.write(2, bytes("two"));
        storage.write(3, bytes("three"));

        assertThat(storage.completedIds()).containsExactly(2L, 3L);
        CheckpointStorage.Restored r = storage.latest();
        assertThat(r.checkpoint().orElseThrow().id()).isEqualTo(3);
        assertThat(text(r)).isEqualTo("three");
        assertThat(r.skipped()).isEmpty();
        assertThat(storage.nextId()).isEqualTo(4);
        assertThat(storage.lastCompletedId()).isEqualTo(3);
        assertThat(storage.lastSizeBytes()).isEqualTo(4 + 4 + 8 + 4 + 5 + 4);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                .as("no temporary file is left behind")
                .containsExactlyInAnyOrder("chk-0000000000000000002.ckp", "chk-0000000000000000003.ckp");
        }
    }

    @Test
    void anEmptyOrMissingDirectoryHasNoCheckpoint() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("absent"), 3);
        assertThat(storage.latest().checkpoint()).isEmpty();
        assertThat(storage.nextId()).isEqualTo(1);
    }

    @Test
    void aTruncatedNewestCheckpointIsRefusedAndThePreviousOneUsed() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(dir, 3);
        storage.write(1, bytes("first"));
        Path newest = storage.write(2, bytes("second")).file();
        byte[] all = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(all, all.length - 3));

        CheckpointStorage.Restored r = storage.latest();
        assertThat(text(r)).isEqualTo("first");
        assertThat(r.skipped()).singleElement().asString().contains("chk-0000000000000000002.ckp").contains("truncated");
    }

    @Test
    void aFlippedByteIsDetectedByTheChecksum() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(dir, 3);
        storage.write(1, bytes("first"));
        Path newest = storage.write(2, bytes("second")).file();
        byte[] all = Files.readAllBytes(newest);
        all[4 + 4 + 8 + 4 + 2] ^= 0x10; // inside the payload
        Files.write(newest, all);

        CheckpointStorage.Restored r = storage.latest();
        assertThat(text(r)).isEqualTo("first");
        assertThat(r.skipped()).singleElement().asString().contains("corrupted").contains("CRC32C");
    }

    @Test
    void aCheckpointOfAnotherFormatVersionIsRefusedWithItsVersion() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(dir, 3);
        storage.write(1, bytes("first"));
        // a well-formed file, checksum and all, written by a hypothetical version 99
        byte[] payload = bytes("future");
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 + 8 + 4 + payload.length + 4);
        buf.putInt(CheckpointFile.MAGIC).putInt(99).putLong(2).putInt(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        Files.write(dir.resolve(CheckpointStorage.fileName(2)), buf.array());

        CheckpointStorage.Restored r = storage.latest();
        assertThat(text(r)).isEqualTo("first");
        assertThat(r.skipped()).singleElement().asString().contains("format version 99").contains("reads version 3");
    }

    @Test
    void whenEveryCheckpointIsDamagedNoneIsReturnedAndAllAreReported() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(dir, 3);
        storage.write(1, bytes("first"));
        storage.write(2, bytes("second"));
        for (long id : storage.completedIds()) {
            Files.write(dir.resolve(CheckpointStorage.fileName(id)), new byte[] {1, 2, 3});
        }
        CheckpointStorage.Restored r = storage.latest();
        assertThat(r.checkpoint()).isEmpty();
        assertThat(r.skipped()).hasSize(2);
    }

    @Test
    void aTemporaryFileLeftByACrashIsIgnoredAndReplaced() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(dir, 3);
        storage.write(1, bytes("first"));
        Files.write(dir.resolve(".chk-0000000000000000002.ckp.inprogress"), new byte[] {9, 9});
        assertThat(text(storage.latest())).isEqualTo("first");
        storage.write(2, bytes("second"));
        assertThat(text(storage.latest())).isEqualTo("second");
    }
}
