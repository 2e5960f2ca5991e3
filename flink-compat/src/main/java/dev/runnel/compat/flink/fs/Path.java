package dev.runnel.compat.flink.fs;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * Flink's {@code org.apache.flink.core.fs.Path}: a file or directory named by a string, as the file
 * source and sink take it. Runnel reads and writes the local file system only, so a path is a local
 * path, or a {@code file:} URI; other schemes (hdfs:, s3:) are refused when the path is used.
 */
public final class Path implements Serializable, Comparable<Path> {
    private static final long serialVersionUID = 1L;

    private final String path;

    public Path(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("Can not create a Path from a null or empty string");
        }
        this.path = path;
    }

    public Path(URI uri) {
        this(uri.toString());
    }

    public Path(Path parent, String child) {
        this(parent.path.endsWith("/") ? parent.path + child : parent.path + "/" + child);
    }

    /** The path part (without a {@code file:} scheme). */
    public String getPath() {
        return toLocalPath().toString();
    }

    /** The last element of the path. */
    public String getName() {
        java.nio.file.Path name = toLocalPath().getFileName();
        return name == null ? "" : name.toString();
    }

    public URI toUri() {
        return toLocalPath().toUri();
    }

    /** This path in the local file system. */
    public java.nio.file.Path toLocalPath() {
        if (path.startsWith("file:")) {
            return java.nio.file.Path.of(URI.create(path.startsWith("file:/") ? path : "file:///" + path.substring(5)));
        }
        int colon = path.indexOf(':');
        if (colon > 1 && path.indexOf('/') > colon) {
            throw new IllegalArgumentException("Runnel reads and writes local files only, not " + path);
        }
        return java.nio.file.Path.of(path);
    }

    @Override
    public int compareTo(Path other) {
        return path.compareTo(other.path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path other && other.path.equals(path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path);
    }

    @Override
    public String toString() {
        return path;
    }
}
