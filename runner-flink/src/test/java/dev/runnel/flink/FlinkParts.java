package dev.runnel.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads what Flink's FileSink committed in a directory: its visible part files (hidden ones start with a dot). */
public final class FlinkParts {
    private FlinkParts() {}

    /** The lines of every visible part, sorted (Flink's part names carry a random writer id, so part order means nothing). */
    public static List<String> committedLinesSorted(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return lines;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path part : files.filter(FlinkParts::visiblePart).sorted().toList()) {
                lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
            }
        }
        lines.sort(null);
        return lines;
    }

    /** Whether Flink has committed at least one part in {@code directory}. */
    public static boolean anyCommitted(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(FlinkParts::visiblePart);
        }
    }

    private static boolean visiblePart(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("part-") && Files.isRegularFile(file);
    }
}
