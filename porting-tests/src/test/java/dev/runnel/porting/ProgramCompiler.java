package dev.runnel.porting;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles one program's source in this process with javac, against the test class path (Runnel and its modules). */
final class ProgramCompiler {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern CLASS = Pattern.compile("^public\\s+(?:final\\s+)?class\\s+(\\w+)", Pattern.MULTILINE);

    /** One compiler error: its line in the (rewritten) source and its message. */
    record Error(String file, long line, String message) {
        @Override
        public String toString() {
            return file + " line " + line + ": " + message;
        }
    }

    /** What javac said: the errors, empty when the program compiled into {@code classes}. */
    record Result(String mainClass, Path classes, List<Error> errors) {
        boolean compiled() {
            return errors.isEmpty();
        }
    }

    private ProgramCompiler() {}

    static Result compile(String source, Path classes) throws IOException {
        String mainClass = mainClass(source);
        return compile(mainClass, Map.of(mainClass.replace('.', '/') + ".java", source), classes);
    }

    /**
     * Compiles a program of several source files (path inside the source tree → text) together;
     * {@code mainClass} is the class whose {@code main} runs it. Errors name their file.
     */
    static Result compile(String mainClass, Map<String, String> sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No Java compiler in this JVM: run the porting tests on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-d", classes.toString(), "--class-path", System.getProperty("java.class.path"),
                "-proc:none", "-nowarn", "-encoding", "UTF-8");
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((path, text) -> units.add(new SourceText(path, text)));
            javac.getTask(null, files, diagnostics, options, null, units).call();
        }
        List<Error> errors = diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> new Error(d.getSource() == null ? "" : d.getSource().getName(), d.getLineNumber(), d.getMessage(Locale.ROOT)))
            .toList();
        return new Result(mainClass, classes, errors);
    }

    /** The fully qualified name of the source's public top-level class. */
    static String mainClass(String source) {
        Matcher pkg = PACKAGE.matcher(source);
        Matcher cls = CLASS.matcher(source);
        if (!cls.find()) {
            throw new IllegalArgumentException("No public top-level class in the program");
        }
        return pkg.find() ? pkg.group(1) + "." + cls.group(1) : cls.group(1);
    }

    private static final class SourceText extends SimpleJavaFileObject {
        private final String source;

        SourceText(String path, String source) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.source = source;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
        }
    }
}
