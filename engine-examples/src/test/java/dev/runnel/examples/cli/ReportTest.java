package dev.runnel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReportTest {
    record Point(String name, int x) {}

    @Test
    void textLinesUseTheGivenTextAndJsonLinesNeverBuildIt() throws Exception {
        AtomicInteger texts = new AtomicInteger();
        StringWriter text = new StringWriter();
        try (Report report = new Report(text, Report.Format.TEXT, false)) {
            report.<Point>sink("POINT", p -> texts.incrementAndGet() + ":" + p.name()).invoke(new Point("a", 1));
            report.sink("PLAIN").invoke(new Point("b", 2));
        }
        assertThat(text.toString().lines()).containsExactly("POINT 1:a", "PLAIN Point[name=b, x=2]");

        StringWriter json = new StringWriter();
        Report report = new Report(json, Report.Format.JSON, false);
        report.<Point>sink("POINT", p -> texts.incrementAndGet() + ":" + p.name()).invoke(new Point("a", 1));
        report.sink("NUMBER").invoke(42);
        report.close();
        assertThat(json.toString().lines())
            .containsExactly("{\"kind\":\"POINT\",\"name\":\"a\",\"x\":1}", "{\"kind\":\"NUMBER\",\"value\":42}");
        assertThat(texts).hasValue(1);
        assertThat(report.counts()).isEqualTo(Map.of("NUMBER", 1L, "POINT", 1L));
    }
}
