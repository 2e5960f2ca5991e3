package dev.runnel.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Bundled samples with one bad line slipped in, written to a test's temporary directory. */
public final class Samples {
    private Samples() {}

    /** The bundled sample {@code name} with {@code line} inserted at line index {@code index} (0 is the header or first line). */
    public static Path withLineAt(Path dir, String name, int index, String line) throws IOException {
        List<String> lines;
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            lines = new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
        lines.add(index, line);
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }
}
