package dev.runnel.porting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apache Flink 1.20.0's own example programs, as Flink publishes their source (unpacked by the build
 * from Flink's source jars into {@code target/flink-1.20-sources}), and what they printed when run
 * unmodified on Flink 1.20.0 (test resources {@code flink-examples/*.out}).
 */
final class FlinkExamples {
    static final String EXAMPLES = "org/apache/flink/streaming/examples/";

    private FlinkExamples() {}

    static Path sourceRoot() {
        Path root = Path.of(System.getProperty("runnel.flinkSources", "target/flink-1.20-sources")).toAbsolutePath();
        if (!Files.isDirectory(root.resolve(EXAMPLES))) {
            throw new IllegalStateException("Flink's example sources are not unpacked in " + root
                + " (the build's maven-dependency-plugin unpacks them in generate-test-resources)");
        }
        return root;
    }

    /** The source files (paths under the source root), their Flink imports rewritten by the import map. */
    static Map<String, String> portedSources(List<String> files) throws IOException, InterruptedException {
        Map<String, String> ported = new LinkedHashMap<>();
        for (String file : files) {
            String source = Files.readString(sourceRoot().resolve(file), StandardCharsets.UTF_8);
            ported.put(file, ImportMap.rewrite(source));
        }
        return ported;
    }

    /** A test resource under {@code flink-examples/}: Flink's recorded output or an input file. */
    static String resource(String name) {
        try (InputStream in = FlinkExamples.class.getResourceAsStream("/flink-examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource flink-examples/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies an input resource into {@code dir} and returns the copy's path. */
    static Path input(String name, Path dir) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, resource("input/" + name), StandardCharsets.UTF_8);
        return file;
    }
}
