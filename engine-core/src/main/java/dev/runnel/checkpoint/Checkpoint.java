package dev.runnel.checkpoint;

import java.nio.file.Path;

/** One completed, verified checkpoint: its id, the file it was read from and its payload. */
public record Checkpoint(long id, Path file, byte[] payload) {}
