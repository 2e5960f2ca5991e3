package dev.runnel.metrics.prometheus;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium run headless from a test. It is required, not optional: when it is missing the test
 * fails saying how to install it ({@code .ci/run} installs it on a fresh machine), so a browser test never
 * passes by not running.
 */
final class HeadlessChromium {
    private static final List<String> CANDIDATES = List.of("chromium", "chromium-browser", "google-chrome");

    /** What the browser printed: the DOM (or nothing, for a screenshot) and its log. */
    record Run(String stdout, String stderr) {}

    private HeadlessChromium() {}

    static String binary() {
        String override = System.getenv("RUNNEL_CHROMIUM");
        if (override != null && !override.isBlank()) {
            return override;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : CANDIDATES) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new AssertionError("No Chromium found on the PATH (" + CANDIDATES + "): the live-page test needs a headless browser. "
            + "Install Debian's package with 'apt-get install -y chromium' (.ci/run does so when it is missing), "
            + "or point RUNNEL_CHROMIUM at a Chromium binary.");
    }

    /** Loads {@code url}, lets its scripts run for {@code millis} of (virtual) time, and returns the resulting DOM. */
    static Run dumpDom(String url, int millis) throws IOException, InterruptedException {
        return run(List.of("--virtual-time-budget=" + millis, "--dump-dom", url));
    }

    static Run screenshot(String url, Path png, int width, int height, int millis) throws IOException, InterruptedException {
        return run(List.of("--virtual-time-budget=" + millis, "--window-size=" + width + "," + height,
            "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(), url));
    }

    private static Run run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("runnel-chromium");
        List<String> command = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(args);
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 60 s: " + command);
        }
        Run run = new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        if (p.exitValue() != 0) {
            throw new AssertionError("Chromium exited with " + p.exitValue() + ": " + command + "\n" + run.stderr());
        }
        return run;
    }
}
