package dev.runnel.cep.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.WithinType;
import dev.runnel.cep.pattern.conditions.IterativeCondition;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON pattern format of docs/dynamic-rules.md into a Runnel {@link Pattern}, with the
 * conditions compiled by {@link CelConditions}. The JSON only chooses builder calls: everything the
 * builder checks (quantifier combinations, skip targets, ...) is checked by the builder, so a rule
 * and the same pattern written in Java are the same pattern. Unknown keys are errors, so a
 * misspelt key cannot silently change a rule's meaning.
 */
final class PatternJson<T> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PATTERN_KEYS = Set.of("stages", "within", "skip");
    private static final Set<String> STAGE_KEYS = Set.of("name", "group", "contiguity", "where", "or", "until", "times",
        "timesOrMore", "oneOrMore", "window", "optional", "greedy", "consecutive", "allowCombinations", "within");

    private final CelConditions<T> conditions;
    private final Set<String> stageNames = new LinkedHashSet<>();

    PatternJson(CelConditions<T> conditions) {
        this.conditions = conditions;
    }

    Pattern<T, T> read(String text) throws RuleCompileException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception e) {
            String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new RuleCompileException("pattern is not valid JSON: " + msg);
        }
        if (root == null || !root.isObject()) {
            throw new RuleCompileException("pattern must be a JSON object with \"stages\"");
        }
        checkKeys(root, PATTERN_KEYS, "pattern");
        JsonNode stages = root.get("stages");
        collectNames(stages, "pattern");
        AfterMatchSkipStrategy skip = skip(root.get("skip"));
        Pattern<T, T> pattern = sequence(stages, skip, "pattern");
        JsonNode within = root.get("within");
        if (within != null) {
            applyWithin(pattern, within, "pattern.within");
        }
        return pattern;
    }

    private void collectNames(JsonNode stages, String where) throws RuleCompileException {
        if (stages == null || !stages.isArray() || stages.isEmpty()) {
            throw new RuleCompileException(where + ": \"stages\" must be a non-empty array");
        }
        for (JsonNode s : stages) {
            if (s.has("group")) {
                collectNames(s.get("group").get("stages"), where + " group");
            } else if (s.path("name").isTextual()) {
                stageNames.add(s.get("name").asText());
            }
        }
    }

    /** A sequence of stages: the whole pattern, or a group's inside. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Pattern<T, T> sequence(JsonNode stages, AfterMatchSkipStrategy skip, String where) throws RuleCompileException {
        if (stages == null || !stages.isArray() || stages.isEmpty()) {
            throw new RuleCompileException(where + ": \"stages\" must be a non-empty array");
        }
        Pattern<T, T> current = null;
        int index = 0;
        for (JsonNode s : stages) {
            String at = where + ".stages[" + index++ + "]";
            if (!s.isObject()) {
                throw new RuleCompileException(at + ": a stage must be an object");
            }
            checkKeys(s, STAGE_KEYS, at);
            String contiguity = text(s, "contiguity", at);
            try {
                if (s.has("group")) {
                    JsonNode g = s.get("group");
                    if (!g.isObject()) {
                        throw new RuleCompileException(at + ".group: must be an object with \"stages\"");
                    }
                    checkKeys(g, Set.of("stages"), at + ".group");
                    if (s.has("name") || s.has("where") || s.has("or") || s.has("until")) {
                        throw new RuleCompileException(at + ": a group has no name, where, or or until of its own");
                    }
                    Pattern<T, T> inner = sequence(g.get("stages"), AfterMatchSkipStrategy.noSkip(), at + ".group");
                    Pattern<T, T> next = current == null ? (skip == null ? (Pattern) Pattern.begin(inner) : (Pattern) Pattern.begin(inner, skip))
                        : (Pattern) groupStep(current, contiguity, inner, at);
                    if (current == null && contiguity != null) {
                        throw new RuleCompileException(at + ": the first stage has no contiguity");
                    }
                    current = next;
                } else {
                    String name = text(s, "name", at);
                    if (name == null || name.isEmpty()) {
                        throw new RuleCompileException(at + ": \"name\" (a non-empty string) is required");
                    }
                    if (current == null) {
                        if (contiguity != null) {
                            throw new RuleCompileException(at + " '" + name + "': the first stage has no contiguity");
                        }
                        current = skip == null ? Pattern.begin(name) : Pattern.begin(name, skip);
                    } else {
                        current = step(current, contiguity, name, at);
                    }
                    conditions(current, s, at + " '" + name + "'");
                }
                quantifiers(current, s, at);
                until(current, s, at);
            } catch (RuntimeException e) { // the builder's MalformedPatternException and argument checks
                throw new RuleCompileException(at + ": " + e.getMessage());
            }
        }
        return current;
    }

    private Pattern<T, T> step(Pattern<T, T> p, String contiguity, String name, String at) throws RuleCompileException {
        return switch (contiguity == null ? "followedBy" : contiguity) {
            case "next" -> p.next(name);
            case "followedBy" -> p.followedBy(name);
            case "followedByAny" -> p.followedByAny(name);
            case "notNext" -> p.notNext(name);
            case "notFollowedBy" -> p.notFollowedBy(name);
            default -> throw new RuleCompileException(at + ": unknown contiguity '" + contiguity
                + "' (next, followedBy, followedByAny, notNext, notFollowedBy)");
        };
    }

    private Pattern<T, T> groupStep(Pattern<T, T> p, String contiguity, Pattern<T, T> group, String at) throws RuleCompileException {
        return switch (contiguity == null ? "followedBy" : contiguity) {
            case "next" -> p.next(group);
            case "followedBy" -> p.followedBy(group);
            case "followedByAny" -> p.followedByAny(group);
            default -> throw new RuleCompileException(at + ": a group follows with next, followedBy or followedByAny, not '"
                + contiguity + "'");
        };
    }

    private void conditions(Pattern<T, T> p, JsonNode s, String at) throws RuleCompileException {
        for (String e : expressions(s.get("where"), at + ".where")) {
            p.where(compile(e, at + ".where"));
        }
        for (String e : expressions(s.get("or"), at + ".or")) {
            p.or(compile(e, at + ".or"));
        }
    }

    /** After the quantifiers: the builder accepts until() only on a looping stage. */
    private void until(Pattern<T, T> p, JsonNode s, String at) throws RuleCompileException {
        String until = text(s, "until", at);
        if (until != null) {
            p.until(compile(until, at + ".until"));
        }
    }

    private IterativeCondition<T> compile(String expression, String at) throws RuleCompileException {
        return conditions.compile(expression, at, stageNames);
    }

    private static List<String> expressions(JsonNode n, String at) throws RuleCompileException {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isTextual()) {
            out.add(n.asText());
            return out;
        }
        if (n.isArray()) {
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    throw new RuleCompileException(at + ": expressions are strings");
                }
                out.add(e.asText());
            }
            return out;
        }
        throw new RuleCompileException(at + ": a CEL expression (string) or an array of them");
    }

    private void quantifiers(Pattern<T, T> p, JsonNode s, String at) throws RuleCompileException {
        Duration window = s.has("window") ? duration(s.get("window"), at + ".window") : null;
        int quantifiers = (s.has("times") ? 1 : 0) + (s.has("timesOrMore") ? 1 : 0) + (s.has("oneOrMore") ? 1 : 0);
        if (quantifiers > 1) {
            throw new RuleCompileException(at + ": use one of times, timesOrMore, oneOrMore");
        }
        if (window != null && quantifiers == 0) {
            throw new RuleCompileException(at + ": \"window\" bounds times, timesOrMore or oneOrMore; there is none");
        }
        JsonNode times = s.get("times");
        if (times != null) {
            if (times.isInt()) {
                if (window == null) {
                    p.times(times.asInt());
                } else {
                    p.times(times.asInt(), window);
                }
            } else if (times.isArray() && times.size() == 2 && times.get(0).isInt() && times.get(1).isInt()) {
                if (window == null) {
                    p.times(times.get(0).asInt(), times.get(1).asInt());
                } else {
                    p.times(times.get(0).asInt(), times.get(1).asInt(), window);
                }
            } else {
                throw new RuleCompileException(at + ".times: an integer or [from, to]");
            }
        }
        if (s.has("timesOrMore")) {
            int n = integer(s.get("timesOrMore"), at + ".timesOrMore");
            if (window == null) {
                p.timesOrMore(n);
            } else {
                p.timesOrMore(n, window);
            }
        }
        if (flag(s, "oneOrMore", at)) {
            if (window == null) {
                p.oneOrMore();
            } else {
                p.oneOrMore(window);
            }
        }
        if (flag(s, "consecutive", at)) {
            p.consecutive();
        }
        if (flag(s, "allowCombinations", at)) {
            p.allowCombinations();
        }
        if (flag(s, "optional", at)) {
            p.optional();
        }
        if (flag(s, "greedy", at)) {
            p.greedy();
        }
        if (s.has("within")) {
            applyWithin(p, s.get("within"), at + ".within");
        }
    }

    private static void applyWithin(Pattern<?, ?> p, JsonNode n, String at) throws RuleCompileException {
        if (n.isObject()) {
            checkKeys(n, Set.of("duration", "type"), at);
            Duration d = duration(n.get("duration"), at + ".duration");
            String type = n.path("type").asText("FIRST_AND_LAST");
            WithinType t;
            try {
                t = WithinType.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw new RuleCompileException(at + ".type: FIRST_AND_LAST or PREVIOUS_AND_CURRENT, not '" + type + "'");
            }
            try {
                p.within(d, t);
            } catch (RuntimeException e) {
                throw new RuleCompileException(at + ": " + e.getMessage());
            }
        } else {
            Duration d = duration(n, at);
            try {
                p.within(d);
            } catch (RuntimeException e) {
                throw new RuleCompileException(at + ": " + e.getMessage());
            }
        }
    }

    private static AfterMatchSkipStrategy skip(JsonNode n) throws RuleCompileException {
        if (n == null) {
            return null;
        }
        String strategy = n.isTextual() ? n.asText() : n.path("strategy").asText(null);
        String stage = n.isObject() ? n.path("stage").asText(null) : null;
        if (n.isObject()) {
            checkKeys(n, Set.of("strategy", "stage", "throwOnMiss"), "pattern.skip");
        }
        AfterMatchSkipStrategy s = switch (strategy == null ? "" : strategy) {
            case "noSkip" -> AfterMatchSkipStrategy.noSkip();
            case "skipToNext" -> AfterMatchSkipStrategy.skipToNext();
            case "skipPastLastEvent" -> AfterMatchSkipStrategy.skipPastLastEvent();
            case "skipToFirst", "skipToLast" -> {
                if (stage == null) {
                    throw new RuleCompileException("pattern.skip: " + strategy + " needs \"stage\"");
                }
                AfterMatchSkipStrategy.ToStage to = strategy.equals("skipToFirst")
                    ? AfterMatchSkipStrategy.skipToFirst(stage) : AfterMatchSkipStrategy.skipToLast(stage);
                yield n.path("throwOnMiss").asBoolean(false) ? to.throwExceptionOnMiss() : to;
            }
            default -> throw new RuleCompileException("pattern.skip: unknown strategy '" + strategy
                + "' (noSkip, skipToNext, skipPastLastEvent, skipToFirst, skipToLast)");
        };
        return s;
    }

    /** ISO-8601 ("PT10M") or milliseconds. */
    private static Duration duration(JsonNode n, String at) throws RuleCompileException {
        if (n != null && n.canConvertToLong() && n.isIntegralNumber()) {
            return Duration.ofMillis(n.asLong());
        }
        if (n != null && n.isTextual()) {
            try {
                return Duration.parse(n.asText());
            } catch (DateTimeParseException e) {
                throw new RuleCompileException(at + ": '" + n.asText() + "' is not an ISO-8601 duration such as PT10M");
            }
        }
        throw new RuleCompileException(at + ": a duration, ISO-8601 text (\"PT10M\") or milliseconds");
    }

    private static int integer(JsonNode n, String at) throws RuleCompileException {
        if (!n.isInt()) {
            throw new RuleCompileException(at + ": an integer");
        }
        return n.asInt();
    }

    private static boolean flag(JsonNode s, String key, String at) throws RuleCompileException {
        JsonNode n = s.get(key);
        if (n == null) {
            return false;
        }
        if (!n.isBoolean()) {
            throw new RuleCompileException(at + "." + key + ": true or false");
        }
        return n.asBoolean();
    }

    private static String text(JsonNode s, String key, String at) throws RuleCompileException {
        JsonNode n = s.get(key);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw new RuleCompileException(at + "." + key + ": a string");
        }
        return n.asText();
    }

    private static void checkKeys(JsonNode n, Set<String> allowed, String at) throws RuleCompileException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new RuleCompileException(at + ": unknown key \"" + k + "\" (allowed: " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }
}
