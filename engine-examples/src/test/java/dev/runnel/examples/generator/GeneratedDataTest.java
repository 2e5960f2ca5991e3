package dev.runnel.examples.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.examples.CliRun;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every detector on generated data: each planted case is found, and on the clean control data
 * (same background, nothing planted) no alert fires. Disorder, late and malformed rows are on.
 */
class GeneratedDataTest {
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static GeneratorConfig noisy(long events, long seed) {
        return GeneratorConfig.of(events, seed).withDisorder(Duration.ofMillis(900), 0.01, 0.005);
    }

    @Test
    void fraudDetectorFindsEveryPlantedWindowAndSilentAccount() throws IOException {
        Generated data = generate("fraud", noisy(6_000, 11), "tx.csv");
        CliRun run = CliRun.of("fraud", "--quiet", "--input", dir.resolve("tx.csv").toString());

        assertThat(data.planted()).extracting(Planted::kind).contains("ANOMALY", "SILENT");
        for (Planted p : data.planted()) {
            String expected = p.kind().equals("ANOMALY")
                ? "ANOMALY " + p.key() + " window=[" + HH_MM_SS.format(Instant.ofEpochMilli(p.timestamp())) + ","
                : "SILENT " + p.key() + " silent for 60 min since ";
            assertThat(run.lines()).as("planted %s", p).anyMatch(l -> l.startsWith(expected));
        }
        // rows delivered two minutes late are past their window + the 1 s bound: every one is LATE
        assertThat(run.kind("LATE")).hasSize((int) data.lateRows()).isNotEmpty();
        assertMalformedLinesAreDeadLetters(run, data, "tx.csv");
    }

    @Test
    void fraudDetectorIsQuietOnCleanData() throws IOException {
        generate("fraud", noisy(6_000, 11).clean(), "clean.csv");
        CliRun run = CliRun.of("fraud", "--quiet", "--input", dir.resolve("clean.csv").toString());

        assertThat(run.kind("ANOMALY")).isEmpty();
        assertThat(run.kind("SILENT")).isEmpty();
        assertThat(run.kind("SPIKE")).isEmpty();
        assertThat(run.kind("LATE")).isNotEmpty();
    }

    @Test
    void riskEngineAlertsOnEveryPlantedTransactionAndNotOnCleanData() throws IOException {
        Generated data = generate("risk", noisy(6_000, 5), "risk.csv");
        CliRun run = CliRun.of("risk", "--quiet", "--input", dir.resolve("risk.csv").toString());
        generate("risk", noisy(6_000, 5).clean(), "risk-clean.csv");
        CliRun clean = CliRun.of("risk", "--quiet", "--input", dir.resolve("risk-clean.csv").toString());

        assertThat(data.planted()).extracting(Planted::kind).contains("VELOCITY", "LOCATION", "AMOUNT");
        for (Planted p : data.planted()) {
            assertThat(run.kind("ALERT")).as("planted %s", p).anyMatch(l -> l.startsWith("ALERT " + p.key() + " "));
        }
        assertMalformedLinesAreDeadLetters(run, data, "risk.csv");
        assertThat(clean.kind("ALERT")).isEmpty();
    }

    @Test
    void cepFraudFindsEveryPlantedPatternTripAndSessionAndNothingOnCleanData() throws IOException {
        Generated data = generate("cep", noisy(6_000, 13), "events.jsonl");
        CliRun run = CliRun.of("cepfraud", "--quiet", "--input", dir.resolve("events.jsonl").toString());
        generate("cep", noisy(6_000, 13).clean(), "events-clean.csv");
        CliRun clean = CliRun.of("cepfraud", "--quiet", "--input", dir.resolve("events-clean.csv").toString());

        assertThat(data.planted()).extracting(Planted::kind).contains("RAPID_LOGIN_ATTEMPTS", "GEOGRAPHICAL_IMPOSSIBILITY",
            "SUSPICIOUS_TRANSACTION_PATTERN", "SESSION_ANOMALY");
        for (Planted p : data.planted()) {
            String at = Instant.ofEpochMilli(p.timestamp()).toString();
            String expected = p.kind().equals("SESSION_ANOMALY")
                ? "SESSION_ANOMALY user=" + p.key() + " [" + at + ","
                : "ALERT " + p.kind() + " user=" + p.key() + " risk=";
            assertThat(run.lines()).as("planted %s", p).anyMatch(l -> l.startsWith(expected) && (p.kind().equals("SESSION_ANOMALY")
                || l.contains(" at " + at + ": ")));
        }
        long sessions = data.planted().stream().filter(p -> p.kind().equals("SESSION_ANOMALY")).count();
        assertThat(run.kind("ALERT")).hasSize(data.planted().size() - (int) sessions);
        assertThat(run.kind("SESSION_ANOMALY")).hasSize((int) sessions);
        // rows delivered two minutes late are behind the 5 s watermark bound: every one is LATE
        assertThat(run.kind("LATE")).hasSize((int) data.lateRows()).isNotEmpty();
        assertMalformedLinesAreDeadLetters(run, data, "events.jsonl");
        assertThat(clean.kind("ALERT")).isEmpty();
        assertThat(clean.kind("SESSION_ANOMALY")).isEmpty();
    }

    @Test
    void funnelsFindEveryPlantedFunnelAlertAndAbandonedCartAndNoAlertOnCleanData() throws IOException {
        Generated data = generate("funnels", noisy(6_000, 17), "shop.csv");
        CliRun run = CliRun.of("funnels", "--quiet", "--matches", "--input", dir.resolve("shop.csv").toString());
        generate("funnels", noisy(6_000, 17).clean(), "shop-clean.jsonl");
        CliRun clean = CliRun.of("funnels", "--quiet", "--input", dir.resolve("shop-clean.jsonl").toString());

        assertThat(data.planted()).extracting(Planted::kind).contains("ABANDONED", "CRITICAL", "WARNING", "no_logout_purchase",
            FunnelGenerator.LOGOUT_BEFORE_PURCHASE, "click_burst_purchase", "browsing_purchase", "premium_purchase", "repeat_purchases");
        for (Planted p : data.planted()) {
            String at = Instant.ofEpochMilli(p.timestamp()).toString();
            switch (p.kind()) {
                case "ABANDONED" -> assertThat(run.kind("ABANDONED")).as("planted %s", p)
                    .anyMatch(l -> l.startsWith("ABANDONED cart_checkout user=" + p.key() + " expired at " + at + ": "));
                case "CRITICAL", "WARNING" -> assertThat(run.kind("ALERT")).as("planted %s", p)
                    .anyMatch(l -> l.startsWith("ALERT " + p.kind() + " user=" + p.key() + " purchase at " + at + " "));
                case FunnelGenerator.LOGOUT_BEFORE_PURCHASE -> {
                    assertThat(run.kind("MATCH")).as("planted %s", p).anyMatch(l -> l.startsWith("MATCH view_purchase user=" + p.key() + " "));
                    assertThat(run.kind("MATCH")).as("planted %s", p).noneMatch(l -> l.startsWith("MATCH no_logout_purchase user=" + p.key() + " "));
                }
                default -> assertThat(run.kind("MATCH")).as("planted %s", p)
                    .anyMatch(l -> l.startsWith("MATCH " + p.kind() + " user=" + p.key() + " ") && l.contains(" at " + at + ": "));
            }
        }
        long alerts = data.planted().stream().filter(p -> p.kind().equals("CRITICAL") || p.kind().equals("WARNING")).count();
        assertThat(run.kind("ALERT")).hasSize((int) alerts);
        // a background cart is abandoned only when its checkout row came too late to count
        long carts = data.planted().stream().filter(p -> p.kind().equals("ABANDONED")).count();
        assertThat(run.kind("ABANDONED")).filteredOn(l -> l.contains(" user=planted-")).hasSize((int) carts);
        assertAbandonedOnlyWhereTheCheckoutWasLate(run);
        assertThat(run.kind("LATE")).hasSize((int) data.lateRows()).isNotEmpty();
        assertMalformedLinesAreDeadLetters(run, data, "shop.csv");
        assertThat(clean.kind("ALERT")).isEmpty();
        assertAbandonedOnlyWhereTheCheckoutWasLate(clean);
        assertThat(clean.kind("MATCH")).isEmpty();     // counted, not printed, without --matches
        assertThat(clean.stderr()).containsPattern("MATCH=[1-9]");
    }

    private static void assertAbandonedOnlyWhereTheCheckoutWasLate(CliRun run) {
        for (String line : run.kind("ABANDONED").stream().filter(l -> !l.contains(" user=planted-")).toList()) {
            String user = line.substring(line.indexOf(" user=") + 6, line.indexOf(" expired"));
            assertThat(run.kind("LATE")).as(line).anyMatch(l -> l.startsWith("LATE user=" + user + " checkout at "));
        }
    }

    @Test
    void logAnalysisFindsEveryBurstAndDormantUserAndNothingOnCleanData() throws IOException {
        Generated data = generate("logs", noisy(6_000, 3), "logs.jsonl");
        CliRun run = CliRun.of("logs", "--quiet", "--input", dir.resolve("logs.jsonl").toString());
        generate("logs", noisy(6_000, 3).clean(), "logs-clean.jsonl");
        CliRun clean = CliRun.of("logs", "--quiet", "--input", dir.resolve("logs-clean.jsonl").toString());

        assertThat(data.planted()).extracting(Planted::kind).contains("FAILED_LOGINS", "LONG_INACTIVITY");
        for (Planted p : data.planted()) {
            assertThat(run.kind("SECURITY_ALERT")).as("planted %s", p)
                .anyMatch(l -> l.startsWith("SECURITY_ALERT " + p.kind() + " user=" + p.key() + " "));
        }
        assertThat(run.kind("SECURITY_ALERT")).hasSize(data.planted().size());
        assertMalformedLinesAreDeadLetters(run, data, "logs.jsonl");
        assertThat(clean.kind("SECURITY_ALERT")).isEmpty();
    }

    @Test
    void alertRoutingDeliversEachStormOnceAndSuppressesNothingOnCleanData() throws IOException {
        Generated data = generate("alerts", noisy(3_000, 9), "alerts.csv");
        CliRun run = CliRun.of("alerts", "--quiet", "--show-suppressed", "--channel-file", dir.resolve("ch.log").toString(),
            "--input", dir.resolve("alerts.csv").toString());
        generate("alerts", noisy(3_000, 9).clean(), "alerts-clean.csv");
        CliRun clean = CliRun.of("alerts", "--quiet", "--show-suppressed", "--channel-file", dir.resolve("ch2.log").toString(),
            "--input", dir.resolve("alerts-clean.csv").toString());

        assertThat(data.planted()).isNotEmpty();
        for (Planted p : data.planted()) {
            String rule = p.key().substring(0, p.key().indexOf('/'));
            assertThat(run.kind("CALLBACK")).as("planted %s", p).filteredOn(l -> l.contains(" " + rule + " at ")).hasSize(1);
            assertThat(run.kind("SUPPRESSED")).as("planted %s", p).filteredOn(l -> l.contains(" " + rule + " at ")).hasSize(9);
        }
        assertThat(run.kind("SUPPRESSED")).hasSize(9 * data.planted().size());
        assertThat(clean.kind("SUPPRESSED")).isEmpty();
    }

    @Test
    void sameSeedGivesTheSameFile() throws IOException {
        generate("risk", noisy(500, 1), "a.csv");
        generate("risk", noisy(500, 1), "b.csv");
        assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo(Files.readString(dir.resolve("b.csv")));
    }

    private Generated generate(String scenario, GeneratorConfig config, String file) throws IOException {
        try (Writer out = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8)) {
            return Generated.write(GenerateCommand.find(scenario), config, file.endsWith(".jsonl"), out);
        }
    }

    private void assertMalformedLinesAreDeadLetters(CliRun run, Generated data, String file) {
        assertThat(data.malformedLines()).isNotEmpty();
        List<String> expected = data.malformedLines().stream().map(line -> dir.resolve(file) + ":" + line + ": ").toList();
        assertThat(run.kind("DEAD_LETTER")).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(run.kind("DEAD_LETTER").get(i)).startsWith("DEAD_LETTER " + expected.get(i));
        }
    }
}
