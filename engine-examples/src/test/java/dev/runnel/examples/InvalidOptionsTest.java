package dev.runnel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command of the examples CLI, given each kind of nonsense its options can receive: exit code
 * 2, nothing on stdout, and exactly one line on stderr that names the option (no stack trace).
 */
class InvalidOptionsTest {
    private static final List<String> EXAMPLES = List.of("fraud", "risk", "cepfraud", "funnels", "logs", "alerts");

    /** Bad values every example's common options must refuse: {option, value}. */
    private static final List<String[]> COMMON = List.of(
        new String[] {"parallelism", "0"},
        new String[] {"parallelism", "-1"},
        new String[] {"parallelism", "100000"},
        new String[] {"parallelism", "99999999999999999999"},
        new String[] {"parallelism", "two"},
        new String[] {"format", "xml"},
        new String[] {"zone", "Mars/Olympus"},
        new String[] {"checkpoint-interval", "-1s"},
        new String[] {"restore", "/no/such/checkpoints"});

    /** Each example's own options with values they must refuse: {example, option, value}. */
    private static final List<String[]> OWN = List.of(
        new String[] {"fraud", "window", "0s"},
        new String[] {"fraud", "window", "0ms"},
        new String[] {"fraud", "window", "99999999999999999999d"},
        new String[] {"fraud", "window", "9999999999d"},
        new String[] {"fraud", "window", "-5s"},
        new String[] {"fraud", "window", "10 parsecs"},
        new String[] {"fraud", "threshold", "1e999"},
        new String[] {"fraud", "threshold", "NaN"},
        new String[] {"fraud", "threshold", "-1"},
        new String[] {"fraud", "threshold", "lots"},
        new String[] {"fraud", "out-of-orderness", "1y"},
        new String[] {"fraud", "allowed-lateness", "-1s"},
        new String[] {"fraud", "time", "wall"},
        new String[] {"fraud", "silence", "0s"},
        new String[] {"fraud", "spike-factor", "NaN"},
        new String[] {"fraud", "spike-factor", "0"},
        new String[] {"fraud", "spike-factor", "Infinity"},
        new String[] {"risk", "out-of-orderness", "99999999999999999999d"},
        new String[] {"risk", "out-of-orderness", "soon"},
        new String[] {"cepfraud", "out-of-orderness", "-5s"},
        new String[] {"cepfraud", "rapid-logins", "1"},
        new String[] {"cepfraud", "rapid-logins", "100000000"},
        new String[] {"cepfraud", "rapid-login-window", "0s"},
        new String[] {"cepfraud", "max-speed", "0"},
        new String[] {"cepfraud", "max-speed", "NaN"},
        new String[] {"cepfraud", "min-distance", "-1"},
        new String[] {"cepfraud", "large-amount", "1e999"},
        new String[] {"cepfraud", "small-amount", "-Infinity"},
        new String[] {"cepfraud", "small-count", "0"},
        new String[] {"cepfraud", "large-then-small-window", "0s"},
        new String[] {"cepfraud", "session-window", "0s"},
        new String[] {"funnels", "out-of-orderness", "x"},
        new String[] {"funnels", "funnels", "view_purchase,nonsense"},
        new String[] {"funnels", "funnels", ""},
        new String[] {"logs", "out-of-orderness", "99999999999999999999d"},
        new String[] {"logs", "failed-logins", "0"},
        new String[] {"logs", "failed-logins", "-3"},
        new String[] {"logs", "failed-login-window", "0s"},
        new String[] {"logs", "inactivity", "0s"},
        new String[] {"logs", "activity-window", "0s"},
        new String[] {"alerts", "suppression", "-5m"},
        new String[] {"alerts", "suppression", "99999999999999999999d"},
        new String[] {"generate", "events", "-5"},
        new String[] {"generate", "events", "1e6"},
        new String[] {"generate", "seed", "abc"},
        new String[] {"generate", "disorder", "-1s"},
        new String[] {"generate", "late-rate", "5"},
        new String[] {"generate", "late-rate", "-0.1"},
        new String[] {"generate", "late-rate", "NaN"},
        new String[] {"generate", "late-by", "0s"},
        new String[] {"generate", "malformed-rate", "1.5"});

    static Stream<Arguments> invalidOptionValues() {
        List<Arguments> cases = new ArrayList<>();
        for (String example : EXAMPLES) {
            for (String[] c : COMMON) {
                cases.add(Arguments.of(example, c[0], c[1]));
            }
        }
        for (String[] c : OWN) {
            cases.add(Arguments.of(c[0], c[1], c[2]));
        }
        return cases.stream();
    }

    private static String[] commandLine(String command, String option, String value) {
        if (command.equals("generate")) {
            return new String[] {"generate", "fraud", "--out", "never-written.csv", "--" + option, value};
        }
        return new String[] {command, "--quiet", "--" + option, value};
    }

    @ParameterizedTest(name = "{0} --{1} {2}")
    @MethodSource("invalidOptionValues")
    void invalidValueIsAOneLineUsageErrorNamingTheOption(String command, String option, String value) {
        CliRun run = CliRun.of(commandLine(command, option, value));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).isEmpty();
        assertThat(run.stderr().lines().toList()).hasSize(1).first().asString()
            .startsWith("--" + option).contains("--help").doesNotContain("Exception");
    }

    static Stream<Arguments> invalidCommandLines() {
        List<Arguments> cases = new ArrayList<>();
        for (String example : EXAMPLES) {
            cases.add(Arguments.of((Object) new String[] {example, "--no-such-option"}));
            cases.add(Arguments.of((Object) new String[] {example, "--quiet=yes"}));
            cases.add(Arguments.of((Object) new String[] {example, "stray"}));
            cases.add(Arguments.of((Object) new String[] {example, "--window"}));
            cases.add(Arguments.of((Object) new String[] {example, "--input", "/no/such/input.csv"}));
            cases.add(Arguments.of((Object) new String[] {example, "--checkpoint-interval", "5s"}));
            cases.add(Arguments.of((Object) new String[] {example, "--input-topic", "events"}));
            cases.add(Arguments.of((Object) new String[] {example, "--output-topic", "alerts"}));
            cases.add(Arguments.of((Object) new String[] {example, "--bootstrap-servers", "localhost:9092"}));
            cases.add(Arguments.of((Object) new String[] {example, "--bootstrap-servers", "localhost:9092", "--input-topic", "events", "--input", "x.csv"}));
            cases.add(Arguments.of((Object) new String[] {example, "--bootstrap-servers", "localhost:9092", "--output-topic", "alerts", "--output", "x.txt"}));
            cases.add(Arguments.of((Object) new String[] {example, "--bootstrap-servers", "localhost:9092", "--output-topic", "alerts", "--bounded"}));
            cases.add(Arguments.of((Object) new String[] {example, "--bootstrap-servers", "localhost:9092", "--input-topic", "events", "--engine", "flink"}));
        }
        cases.add(Arguments.of((Object) new String[] {"generate", "fraud", "--topic", "events"}));
        cases.add(Arguments.of((Object) new String[] {"generate", "fraud", "--bootstrap-servers", "localhost:9092", "--topic", "events", "--out", "x.csv"}));
        cases.add(Arguments.of((Object) new String[] {"consume", "--topic", "alerts"}));
        cases.add(Arguments.of((Object) new String[] {"consume", "--bootstrap-servers", "localhost:9092", "--bogus"}));
        cases.add(Arguments.of((Object) new String[] {"broker", "--port", "9092"}));
        cases.add(Arguments.of((Object) new String[] {"generate", "fraud"}));
        cases.add(Arguments.of((Object) new String[] {"generate", "--events", "-5"}));
        cases.add(Arguments.of((Object) new String[] {"generate", "bitcoin", "--out", "x.csv"}));
        cases.add(Arguments.of((Object) new String[] {"generate", "fraud", "--out", "x.csv", "--bogus", "1"}));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCommandLines")
    void malformedCommandLineIsAOneLineUsageError(String[] args) {
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).isEmpty();
        assertThat(run.stderr().lines().toList()).hasSize(1).first().asString().contains("--help").doesNotContain("Exception");
    }
}
