package dev.runnel.porting;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs a compiled program's {@code main} in this process and returns what it printed on standard output. */
final class ProgramRun {
    private ProgramRun() {}

    static String run(Path classes, String mainClass, String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ProgramRun.class.getClassLoader());
             PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            Method main = loader.loadClass(mainClass).getMethod("main", String[].class);
            System.setOut(capture);
            try {
                main.invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                throw new AssertionError(mainClass + " failed: " + e.getCause(), e.getCause());
            } finally {
                System.setOut(original);
            }
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
