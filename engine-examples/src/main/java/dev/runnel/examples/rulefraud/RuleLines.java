package dev.runnel.examples.rulefraud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runnel.api.OutputTag;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.Clock;
import dev.runnel.cep.dynamic.Rule;
import dev.runnel.cep.dynamic.RuleError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/**
 * A rules file, one rule update per line (docs/dynamic-rules.md): {@code {"id": ..., "version": ...,
 * "pattern": {...}}}, optionally with {@code "at": "2024-05-11 09:30:00"}, the event time from which
 * the update applies; without it an update applies as soon as it is read. Bounded, or with
 * {@code follow} it keeps reading lines appended to the file (the source is idle in between, so it
 * never holds the events back). A line that is not a rule goes to {@link #BAD_LINES} with its line
 * number. The position is the byte offset after the last complete line, so a restored job does not
 * apply an update twice.
 */
public final class RuleLines implements Source<Rule> {
    public static final OutputTag<RuleError> BAD_LINES = OutputTag.of("bad-rule-lines", RuleError.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String name;
    private final Callable<byte[]> content;
    private final boolean follow;
    private final ZoneId zone;
    private final Clock clock;
    private long offset;
    private long line;
    private long lastPoll;

    private RuleLines(String name, Callable<byte[]> content, boolean follow, ZoneId zone, Clock clock) {
        this.name = name;
        this.content = content;
        this.follow = follow;
        this.zone = zone;
        this.clock = clock;
    }

    public static RuleLines file(Path file, boolean follow, ZoneId zone) {
        return file(file, follow, zone, Clock.SYSTEM);
    }

    /** {@code clock} paces how often a followed file is looked at (tests pass a manual one). */
    public static RuleLines file(Path file, boolean follow, ZoneId zone, Clock clock) {
        return new RuleLines(file.toString(), () -> Files.readAllBytes(file), follow, zone, clock);
    }

    /** Rules given as text: a bundled sample, or tests. */
    public static RuleLines text(String name, String text, ZoneId zone) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new RuleLines(name, () -> bytes, false, zone, Clock.SYSTEM);
    }

    @Override
    public boolean isBounded() {
        return !follow;
    }

    @Override
    public SourceStatus poll(SourceOutput<Rule> output, int maxRecords) throws Exception {
        long now = clock.millis();
        if (follow && now - lastPoll < 200) {
            return SourceStatus.NOTHING_AVAILABLE; // a rules file changes rarely: look 5 times a second
        }
        lastPoll = now;
        byte[] bytes = content.call();
        int emitted = 0;
        while (emitted < maxRecords) {
            int end = indexOf(bytes, (int) offset);
            if (end < 0) {
                break; // no complete line (yet)
            }
            String text = new String(bytes, (int) offset, end - (int) offset, StandardCharsets.UTF_8).strip();
            offset = end + 1;
            line++;
            if (!text.isEmpty() && !text.startsWith("#")) {
                emit(text, output);
                emitted++;
            }
        }
        if (indexOf(bytes, (int) offset) >= 0) {
            return SourceStatus.MORE_AVAILABLE;
        }
        if (!follow) {
            if (offset < bytes.length) { // a last line without a newline
                String text = new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8).strip();
                offset = bytes.length;
                line++;
                if (!text.isEmpty() && !text.startsWith("#")) {
                    emit(text, output);
                }
            }
            return SourceStatus.END_OF_INPUT;
        }
        output.markIdle();
        return SourceStatus.NOTHING_AVAILABLE;
    }

    private void emit(String text, SourceOutput<Rule> output) {
        Rule rule;
        Long at = null;
        try {
            rule = Rule.fromJson(text);
            JsonNode node = JSON.readTree(text);
            if (node.hasNonNull("at")) {
                at = LocalDateTime.parse(node.get("at").asText(), AT).atZone(zone).toInstant().toEpochMilli();
            }
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            output.output(BAD_LINES, new RuleError(name + ":" + line, 0, e.getMessage()));
            return;
        }
        if (at == null) {
            output.collect(rule);
        } else {
            output.collect(rule, at);
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public long position() {
        return offset;
    }

    @Override
    public void restorePosition(long position) throws Exception {
        byte[] bytes = content.call();
        offset = position;
        line = 0;
        for (int i = 0; i < Math.min(position, bytes.length); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
    }
}
