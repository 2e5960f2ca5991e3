package dev.runnel.porting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code sed -E -f docs/porting/flink-imports.sed} over a program's source, as a user
 * porting a program would; fails with a clear message when sed is not installed.
 */
final class ImportMap {
    private ImportMap() {}

    static Path script() {
        String path = System.getProperty("runnel.importMap", "../docs/porting/flink-imports.sed");
        Path script = Path.of(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("The import map " + script + " does not exist");
        }
        return script;
    }

    /** The source with its Flink imports rewritten to Runnel's. */
    static String rewrite(String flinkSource) throws IOException, InterruptedException {
        Path in = Files.createTempFile("flink-program", ".java");
        try {
            Files.writeString(in, flinkSource, StandardCharsets.UTF_8);
            Process sed;
            try {
                sed = new ProcessBuilder(List.of("sed", "-E", "-f", script().toString(), in.toString()))
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            } catch (IOException e) {
                throw new IllegalStateException("Porting tests need sed on the PATH to run the import map: " + e.getMessage(), e);
            }
            byte[] out = sed.getInputStream().readAllBytes();
            String err = new String(sed.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!sed.waitFor(30, TimeUnit.SECONDS) || sed.exitValue() != 0) {
                throw new IllegalStateException("sed -E -f " + script() + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(in);
        }
    }
}
