package dev.runnel.porting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A program's printed lines grouped by the sink that printed them ({@code print("alert")} prints
 * "alert> ..."; unprefixed lines form the group ""). Within a group the order is Flink's exact order;
 * between groups Flink gives none (two sinks in different chains interleave as their threads run), so
 * the groups are compared apart.
 */
final class PrintedLines {
    private PrintedLines() {}

    static Map<String, List<String>> bySink(String printed) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String line : printed.split("\\R")) {
            if (line.isEmpty()) {
                continue;
            }
            int end = line.indexOf("> ");
            String sink = end < 0 ? "" : line.substring(0, end);
            groups.computeIfAbsent(sink, s -> new ArrayList<>()).add(line);
        }
        return new TreeMap<>(groups);
    }
}
