package dev.runnel.porting;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/** Runs a compiled program's {@code main} in this process and returns what it printed on standard output. */
final class ProgramRun {
    private ProgramRun() {}

    /**
     * Runs an unbounded program's {@code main} until what it printed satisfies {@code enough} (or the
     * deadline passes), then interrupts it: Runnel's {@code execute} cancels the job when the thread
     * waiting for it is interrupted. Returns what it printed by then.
     */
    static String runUntil(Path classes, String mainClass, Predicate<String> enough, Duration deadline, String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ProgramRun.class.getClassLoader());
             PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            Method main = loader.loadClass(mainClass).getMethod("main", String[].class);
            System.setOut(capture);
            Thread program = new Thread(() -> {
                try {
                    main.invoke(null, (Object) args);
                } catch (ReflectiveOperationException e) {
                    // interrupted: execute() cancelled the job and threw
                }
            }, mainClass);
            try {
                program.start();
                long end = System.nanoTime() + deadline.toNanos();
                while (!enough.test(printed.toString(StandardCharsets.UTF_8)) && System.nanoTime() < end && program.isAlive()) {
                    Thread.sleep(20);
                }
                program.interrupt();
                program.join(deadline.toMillis());
            } finally {
                System.setOut(original);
            }
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

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
