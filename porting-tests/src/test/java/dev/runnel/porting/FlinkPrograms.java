package dev.runnel.porting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Flink programs under {@code src/test/resources/flink}: their source with Flink's imports, and what Flink 1.20 printed. */
final class FlinkPrograms {
    private FlinkPrograms() {}

    static String source(String program) {
        return resource(program + ".java");
    }

    /** Flink 1.20's standard output for the program (log lines removed). */
    static String flinkOutput(String program) {
        return resource(program + ".out");
    }

    private static String resource(String name) {
        try (InputStream in = FlinkPrograms.class.getResourceAsStream("/flink/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource flink/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
