package dev.runnel.flink.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Splits this JVM's class path the way a deployment splits it: the job jar gets Runnel (its modules,
 * the examples, these tests' classes), as a user packages a job with runnel-core, runnel-cep and
 * runnel-runner-flink; everything else (Flink and the libraries both use) is the cluster's class path,
 * as Flink's {@code lib/} is. Runnel's own entries are the build's class directories and the
 * {@code runnel-*} jars.
 */
public final class JobJar {
    private final List<Path> runnel = new ArrayList<>();
    private final List<String> cluster = new ArrayList<>();

    private JobJar() {}

    public static JobJar ofThisClassPath() {
        JobJar split = new JobJar();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry);
            if (Files.isDirectory(path) || path.getFileName().toString().startsWith("runnel-")) {
                split.runnel.add(path);
            } else {
                split.cluster.add(entry);
            }
        }
        if (split.runnel.isEmpty() || split.cluster.stream().noneMatch(e -> e.contains("flink-runtime"))) {
            throw new IllegalStateException("Expected Runnel's classes and flink-runtime on the class path: " + System.getProperty("java.class.path"));
        }
        return split;
    }

    /** The class path of the cluster's processes: Flink and the libraries, no Runnel class. */
    public String clusterClassPath() {
        return String.join(File.pathSeparator, cluster);
    }

    /** Writes the job jar: every Runnel class directory and jar merged into one. */
    public Path write(Path jar) throws IOException {
        Set<String> written = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path entry : runnel) {
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> files = Files.walk(entry)) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            String name = entry.relativize(file).toString().replace(File.separatorChar, '/');
                            try (InputStream in = Files.newInputStream(file)) {
                                copy(out, name, in, written);
                            }
                        }
                    }
                } else {
                    try (JarFile source = new JarFile(entry.toFile())) {
                        for (JarEntry e : java.util.Collections.list(source.entries())) {
                            if (!e.isDirectory()) {
                                try (InputStream in = source.getInputStream(e)) {
                                    copy(out, e.getName(), in, written);
                                }
                            }
                        }
                    }
                }
            }
        }
        return jar;
    }

    private static void copy(JarOutputStream out, String name, InputStream in, Set<String> written) throws IOException {
        if (name.startsWith("META-INF/") && !name.startsWith("META-INF/services/") || !written.add(name)) {
            return; // manifests and signatures of the merged jars mean nothing in the job jar; the first copy of a class wins
        }
        out.putNextEntry(new JarEntry(name));
        in.transferTo((OutputStream) out);
        out.closeEntry();
    }
}
