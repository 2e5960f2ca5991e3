package dev.runnel.cep.nfa;

import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import dev.runnel.cep.pattern.GroupPattern;
import dev.runnel.cep.pattern.MalformedPatternException;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.Quantifier;
import dev.runnel.cep.pattern.Quantifier.ConsumingStrategy;
import dev.runnel.cep.pattern.Quantifier.QuantifierProperty;
import dev.runnel.cep.pattern.Quantifier.Times;
import dev.runnel.cep.pattern.WithinType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a {@link Pattern} into an automaton with the same construction as Flink CEP's NFACompiler,
 * so that every combination of stages and quantifiers accepts exactly what Flink's does: the pattern
 * is walked backwards from a final state; each stage becomes one state (single), a chain of states
 * (times), or a looping state with an ignoring twin (oneOrMore); optional stages get PROCEED edges,
 * relaxed contiguity IGNORE edges, NOT stages edges into STOP states, greedy loops negate the next
 * stage's conditions, and a trailing notFollowedBy becomes a PENDING state that completes when the
 * window expires.
 */
public final class NfaCompiler<T> {
    static final String ENDING_STATE = "$endState$";

    private final List<NfaState> states = new ArrayList<>();
    private final Cond.Factory conds = new Cond.Factory();
    /** The conditions of edges, and the group being compiled, which they depend on. */
    private final EdgeConditions<T> edges = new EdgeConditions<>(conds);
    private final Map<String, NfaState> stopStates = new HashMap<>();
    private final IdentityHashMap<NfaState, NfaState> originalStateMap = new IdentityHashMap<>();
    private final Map<String, Long> stageWindows = new HashMap<>();
    private final List<String> stageNames = new ArrayList<>();
    private final Set<String> stageStatesBuilt = new HashSet<>();
    private Pattern<T, ?> currentPattern;
    private Pattern<T, ?> followingPattern;
    private long windowTime;

    private NfaCompiler(Pattern<T, ?> pattern) {
        this.currentPattern = pattern;
    }

    /** Validates and compiles; throws {@link MalformedPatternException} naming the stage and the fix. */
    public static <T> CompiledPattern compile(Pattern<T, ?> pattern) {
        if (pattern == null) {
            throw new MalformedPatternException("The pattern must not be null");
        }
        return new NfaCompiler<>(pattern).compileAll();
    }

    private CompiledPattern compileAll() {
        Pattern<T, ?> last = currentPattern;
        collectNamesAndWindows(last, new HashSet<>());
        if (last.getQuantifier().getConsumingStrategy() == ConsumingStrategy.NOT_FOLLOW
                && windowTime == 0 && last.getWindowTime(WithinType.PREVIOUS_AND_CURRENT) == null) {
            throw new MalformedPatternException("Stage '" + last.getName() + "': notFollowedBy as the last stage needs a time "
                + "bound, otherwise the match could never complete; add within(Duration) to the pattern");
        }
        AfterMatchSkipStrategy skip = last.getAfterMatchSkipStrategy();
        if (skip.getPatternName().isPresent() && !stageNames.contains(skip.getPatternName().get())) {
            throw new MalformedPatternException("Skip strategy " + skip + " names stage '" + skip.getPatternName().get()
                + "', which the pattern does not have; use one of " + stageNames);
        }
        for (Map.Entry<String, Long> e : stageWindows.entrySet()) {
            if (windowTime > 0 && e.getValue() > windowTime) {
                throw new MalformedPatternException("Stage '" + e.getKey() + "': its within(PREVIOUS_AND_CURRENT) of " + e.getValue()
                    + " ms is longer than the pattern's within of " + windowTime + " ms, so it could never apply; shorten it");
            }
        }
        NfaState end = createState(ENDING_STATE, NfaState.Type.FINAL);
        NfaState sink = createMiddleStates(end);
        NfaState start = convertPattern(sink);
        start.start = true;
        for (NfaState s : states) {
            Long w = stageWindows.get(s.stage);
            long stage = w == null ? 0 : w;
            s.stageWindow = stage == 0 || s.timesWindow == 0 ? Math.max(stage, s.timesWindow) : Math.min(stage, s.timesWindow);
            s.freeze();
        }
        for (NfaState s : states) {
            s.analyse();
        }
        return new CompiledPattern(start, List.copyOf(states), windowTime, skip, conds.count(), List.copyOf(stageNames));
    }

    /** Checks names are unique (recursing into groups) and gathers the window bounds. */
    private void collectNamesAndWindows(Pattern<T, ?> pattern, Set<String> seen) {
        List<Pattern<T, ?>> chain = new ArrayList<>();
        for (Pattern<T, ?> p = pattern; p != null; p = p.getPrevious()) {
            chain.add(0, p);
        }
        for (Pattern<T, ?> p : chain) {
            Duration w = p.getWindowTime(WithinType.FIRST_AND_LAST);
            if (w != null && (windowTime == 0 || w.toMillis() < windowTime)) {
                windowTime = w.toMillis();
            }
            if (p instanceof GroupPattern<T, ?> g) {
                collectNamesAndWindows(castRaw(g.getRawPattern()), seen);
                continue;
            }
            if (p.getName().equals(ENDING_STATE) || !seen.add(p.getName())) {
                throw new MalformedPatternException("Stage '" + p.getName() + "': duplicate stage name; every stage needs a unique "
                    + "name because matches are keyed by it");
            }
            stageNames.add(p.getName());
            Duration pc = p.getWindowTime(WithinType.PREVIOUS_AND_CURRENT);
            if (pc != null) {
                stageWindows.put(p.getName(), pc.toMillis());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Pattern<T, ?> castRaw(Pattern<T, ? extends T> p) {
        return (Pattern<T, ?>) p;
    }

    private NfaState createMiddleStates(NfaState sinkState) {
        NfaState lastSink = sinkState;
        while (currentPattern.getPrevious() != null) {
            ConsumingStrategy strategy = currentPattern.getQuantifier().getConsumingStrategy();
            if (strategy == ConsumingStrategy.NOT_FOLLOW) {
                // a NOT_FOLLOW in the middle becomes edges into a STOP state on the following stages;
                // at the end it becomes a PENDING state that matches when its window expires
                if (lastSink.type == NfaState.Type.FINAL) {
                    NfaState pending = createState(currentPattern.getName(), NfaState.Type.PENDING);
                    Cond notCondition = edges.take(currentPattern);
                    NfaState stop = createStopState(notCondition, currentPattern.getName());
                    pending.addTransition(Transition.Action.PROCEED, stop, notCondition);
                    pending.addTransition(Transition.Action.IGNORE, pending, conds.not(notCondition));
                    lastSink = pending;
                }
            } else if (strategy == ConsumingStrategy.NOT_NEXT) {
                NfaState notNext = createState(currentPattern.getName(), NfaState.Type.NORMAL);
                Cond notCondition = edges.take(currentPattern);
                NfaState stop = createStopState(notCondition, currentPattern.getName());
                if (lastSink.type == NfaState.Type.FINAL) {
                    // so that a PROCEED into the final state does not complete the match before the next event
                    notNext.addTransition(Transition.Action.IGNORE, lastSink, conds.not(notCondition));
                } else {
                    notNext.addTransition(Transition.Action.PROCEED, lastSink, conds.not(notCondition));
                }
                notNext.addTransition(Transition.Action.PROCEED, stop, notCondition);
                lastSink = notNext;
            } else {
                lastSink = convertPattern(lastSink);
            }
            followingPattern = currentPattern;
            currentPattern = castRaw(currentPattern.getPrevious());
        }
        return lastSink;
    }

    private NfaState convertPattern(NfaState sinkState) {
        Quantifier quantifier = currentPattern.getQuantifier();
        NfaState lastSink;
        if (quantifier.hasProperty(QuantifierProperty.LOOPING)) {
            // once the loop has started, NOT stages before an optional loop no longer apply
            setCurrentGroupFirstOfLoop(false);
            NfaState sink = copyWithoutTransitiveNots(sinkState);
            NfaState looping = createLooping(sink);
            setCurrentGroupFirstOfLoop(true);
            lastSink = createTimesState(looping, sinkState, currentPattern.getTimes());
        } else if (quantifier.hasProperty(QuantifierProperty.TIMES)) {
            lastSink = createTimesState(sinkState, sinkState, currentPattern.getTimes());
        } else {
            lastSink = createSingletonState(sinkState, sinkState, edges.take(currentPattern), edges.ignore(currentPattern),
                isPatternOptional(currentPattern));
        }
        addStopStates(lastSink);
        return lastSink;
    }

    private NfaState createState(String stage, NfaState.Type type) {
        NfaState s = new NfaState(states.size(), stage, type);
        states.add(s);
        return s;
    }

    /**
     * A state that takes the current stage's events. With a window between the events of a times or
     * looping stage ({@code times(n, Duration)} and kin) it gets that window, except the first state
     * built for the stage: Flink keys its per-state windows by unique state name and leaves out the
     * state that got the stage's plain name. The automaton is built backwards, so that is the state
     * waiting for the last event of a times chain, or the looping state of a loop; Flink's recorded
     * behaviour (docs/semantics.md) shows exactly this, so Runnel reproduces it.
     */
    private NfaState createTakingState() {
        String stage = currentPattern.getName();
        boolean firstOfStage = stageStatesBuilt.add(stage);
        NfaState s = createState(stage, NfaState.Type.NORMAL);
        Times times = currentPattern.getTimes();
        if (!firstOfStage && times != null && times.windowSize() != null) {
            s.timesWindow = times.windowSize().toMillis();
        }
        return s;
    }

    private NfaState createStopState(Cond notCondition, String name) {
        // all states that can stop on one NOT stage share its stop state
        NfaState stop = stopStates.get(name);
        if (stop == null) {
            stop = createState(name, NfaState.Type.STOP);
            stop.addTransition(Transition.Action.TAKE, stop, notCondition);
            stopStates.put(name, stop);
        }
        return stop;
    }

    /** NOT stages reachable backwards through optional stages: their conditions stop this stage's runs. */
    private List<Object[]> currentNotConditions() {
        List<Object[]> notConditions = new ArrayList<>();
        Pattern<T, ?> previous = currentPattern;
        while (previous.getPrevious() != null
                && (previous.getPrevious().getQuantifier().hasProperty(QuantifierProperty.OPTIONAL)
                    || previous.getPrevious().getQuantifier().getConsumingStrategy() == ConsumingStrategy.NOT_FOLLOW)) {
            previous = castRaw(previous.getPrevious());
            if (previous.getQuantifier().getConsumingStrategy() == ConsumingStrategy.NOT_FOLLOW) {
                notConditions.add(new Object[] {edges.take(previous), previous.getName()});
            }
        }
        return notConditions;
    }

    /**
     * Taking an event in an optional stage invalidates the NOT stages before it: e.g. for
     * a.notFollowedBy(b).followedByAny(c).optional().followedByAny(d), "a c b d" matches but "a b d"
     * does not. Returns a copy of {@code sinkState} without those stop edges, or the state itself.
     */
    private NfaState copyWithoutTransitiveNots(NfaState sinkState) {
        List<Object[]> nots = currentNotConditions();
        if (nots.isEmpty() || !currentPattern.getQuantifier().hasProperty(QuantifierProperty.OPTIONAL)) {
            return sinkState;
        }
        NfaState copy = createState(sinkState.stage, sinkState.type);
        for (Transition t : sinkState.transitions) {
            if (t.action == Transition.Action.PROCEED) {
                NfaState target = t.target;
                boolean remove = false;
                if (target.type == NfaState.Type.STOP) {
                    for (Object[] not : nots) {
                        if (target.stage.equals(not[1])) {
                            remove = true;
                        }
                    }
                } else {
                    target = copyWithoutTransitiveNots(t.target);
                }
                if (!remove) {
                    copy.addTransition(t.action, target, t.cond);
                }
            } else {
                copy.addTransition(t.action, t.target == t.source ? copy : t.target, t.cond);
            }
        }
        return copy;
    }

    private NfaState copy(NfaState state) {
        NfaState copy = createState(state.stage, state.type);
        for (Transition t : state.transitions) {
            copy.addTransition(t.action, t.target == t.source ? copy : t.target, t.cond);
        }
        return copy;
    }

    private void addStopStates(NfaState state) {
        for (Object[] not : currentNotConditions()) {
            NfaState stop = createStopState((Cond) not[0], (String) not[1]);
            state.addTransition(Transition.Action.PROCEED, stop, (Cond) not[0]);
        }
    }

    private void addStopStateToLooping(NfaState loopingState) {
        if (followingPattern != null && followingPattern.getQuantifier().getConsumingStrategy() == ConsumingStrategy.NOT_FOLLOW) {
            Cond notCondition = edges.take(followingPattern);
            NfaState stop = createStopState(notCondition, followingPattern.getName());
            loopingState.addTransition(Transition.Action.PROCEED, stop, notCondition);
        }
    }

    /** A chain of states for a times stage (or the mandatory head of a looping one). */
    private NfaState createTimesState(NfaState sinkState, NfaState proceedState, Times times) {
        NfaState lastSink = sinkState;
        setCurrentGroupFirstOfLoop(false);
        Cond until = edges.until(currentPattern);
        Cond innerIgnore = edges.extendWithUntil(edges.innerIgnore(currentPattern), until, false);
        Cond take = edges.extendWithUntil(edges.take(currentPattern), until, true);
        if (currentPattern.getQuantifier().hasProperty(QuantifierProperty.GREEDY) && times.from() != times.to()) {
            if (until != null) {
                originalStateMap.put(sinkState, copy(sinkState));
            }
            updateWithGreedyCondition(sinkState, take);
        }
        for (int i = times.from(); i < times.to(); i++) {
            lastSink = createSingletonState(lastSink, proceedState, take, innerIgnore, true);
            addStopStateToLooping(lastSink);
        }
        for (int i = 0; i < times.from() - 1; i++) {
            lastSink = createSingletonState(lastSink, null, take, innerIgnore, false);
            addStopStateToLooping(lastSink);
        }
        setCurrentGroupFirstOfLoop(true);
        return createSingletonState(lastSink, proceedState, take, edges.ignore(currentPattern),
            isPatternOptional(currentPattern));
    }

    private void setCurrentGroupFirstOfLoop(boolean isFirst) {
        if (currentPattern instanceof GroupPattern<T, ?> g) {
            edges.setFirstOfLoop(g, isFirst);
        }
    }

    /**
     * A stage's own optional flag. The head of a group used to inherit the group's flag instead,
     * which dropped {@code optional()} on the first stage inside a group; an optional group gets its
     * PROCEED edge in {@link #createGroupPatternState} and only lends its head an ignoring twin.
     */
    private boolean isPatternOptional(Pattern<T, ?> pattern) {
        return pattern.getQuantifier().hasProperty(QuantifierProperty.OPTIONAL);
    }

    private boolean isHeadOfOptionalGroup(Pattern<T, ?> pattern) {
        return edges.headOfGroup(pattern) && edges.groupFirstOfLoop()
            && edges.group().getQuantifier().hasProperty(QuantifierProperty.OPTIONAL);
    }

    /** One state taking one event; optional ones get a PROCEED edge and an ignoring twin without it. */
    private NfaState createSingletonState(NfaState sinkState, NfaState proceedState, Cond take, Cond ignore, boolean isOptional) {
        if (currentPattern instanceof GroupPattern<T, ?> g) {
            return createGroupPatternState(g, sinkState, proceedState, isOptional);
        }
        NfaState singleton = createTakingState();
        // taking an event invalidates the NOT stages before an optional stage
        NfaState sink = copyWithoutTransitiveNots(sinkState);
        singleton.addTransition(Transition.Action.TAKE, sink, take);
        Cond proceed = edges.alwaysTrue();
        if (isOptional) {
            if (currentPattern.getQuantifier().hasProperty(QuantifierProperty.GREEDY)) {
                Cond until = edges.until(currentPattern);
                if (until != null) {
                    singleton.addTransition(Transition.Action.PROCEED, originalStateMap.get(proceedState), conds.and(proceed, until));
                }
                singleton.addTransition(Transition.Action.PROCEED, proceedState,
                    until != null ? conds.and(proceed, conds.not(until)) : proceed);
            } else {
                singleton.addTransition(Transition.Action.PROCEED, proceedState, proceed);
            }
        }
        if (ignore != null) {
            NfaState ignoreState;
            if (isOptional || isHeadOfOptionalGroup(currentPattern)) {
                ignoreState = createState(currentPattern.getName(), NfaState.Type.NORMAL);
                ignoreState.addTransition(Transition.Action.TAKE, sink, take);
                ignoreState.addTransition(Transition.Action.IGNORE, ignoreState, ignore);
                addStopStates(ignoreState);
            } else {
                ignoreState = singleton;
            }
            singleton.addTransition(Transition.Action.IGNORE, ignoreState, ignore);
        }
        return singleton;
    }

    private NfaState createGroupPatternState(GroupPattern<T, ?> group, NfaState sinkState, NfaState proceedState, boolean isOptional) {
        Cond proceed = edges.alwaysTrue();
        Pattern<T, ?> oldCurrent = currentPattern;
        Pattern<T, ?> oldFollowing = followingPattern;
        GroupPattern<T, ?> oldGroup = edges.group();
        edges.setGroup(group);
        currentPattern = castRaw(group.getRawPattern());
        NfaState lastSink = createMiddleStates(sinkState);
        lastSink = convertPattern(lastSink);
        if (isOptional) {
            lastSink.addTransition(Transition.Action.PROCEED, proceedState, proceed);
        }
        currentPattern = oldCurrent;
        followingPattern = oldFollowing;
        edges.setGroup(oldGroup);
        return lastSink;
    }

    private NfaState createLoopingGroupPatternState(GroupPattern<T, ?> group, NfaState sinkState) {
        Cond proceed = edges.alwaysTrue();
        Pattern<T, ?> oldCurrent = currentPattern;
        Pattern<T, ?> oldFollowing = followingPattern;
        GroupPattern<T, ?> oldGroup = edges.group();
        NfaState dummy = createTakingState();
        edges.setGroup(group);
        currentPattern = castRaw(group.getRawPattern());
        NfaState lastSink = createMiddleStates(dummy);
        lastSink = convertPattern(lastSink);
        lastSink.addTransition(Transition.Action.PROCEED, sinkState, proceed);
        dummy.addTransition(Transition.Action.PROCEED, lastSink, proceed);
        currentPattern = oldCurrent;
        followingPattern = oldFollowing;
        edges.setGroup(oldGroup);
        return lastSink;
    }

    /** A state that takes events in a loop, with a PROCEED edge on to {@code sinkState}. */
    private NfaState createLooping(NfaState sinkState) {
        if (currentPattern instanceof GroupPattern<T, ?> g) {
            return createLoopingGroupPatternState(g, sinkState);
        }
        Cond until = edges.until(currentPattern);
        Cond ignore = edges.extendWithUntil(edges.innerIgnore(currentPattern), until, false);
        Cond take = edges.extendWithUntil(edges.take(currentPattern), until, true);
        Cond proceed = edges.alwaysTrue();
        NfaState looping = createTakingState();
        if (currentPattern.getQuantifier().hasProperty(QuantifierProperty.GREEDY)) {
            if (until != null) {
                NfaState sinkCopy = copy(sinkState);
                looping.addTransition(Transition.Action.PROCEED, sinkCopy, conds.and(proceed, until));
                originalStateMap.put(sinkState, sinkCopy);
            }
            looping.addTransition(Transition.Action.PROCEED, sinkState, until != null ? conds.and(proceed, conds.not(until)) : proceed);
            updateWithGreedyCondition(sinkState, edges.take(currentPattern));
        } else {
            looping.addTransition(Transition.Action.PROCEED, sinkState, proceed);
        }
        looping.addTransition(Transition.Action.TAKE, looping, take);
        addStopStateToLooping(looping);
        if (ignore != null) {
            NfaState ignoreState = createState(currentPattern.getName(), NfaState.Type.NORMAL);
            ignoreState.addTransition(Transition.Action.TAKE, looping, take);
            ignoreState.addTransition(Transition.Action.IGNORE, ignoreState, ignore);
            looping.addTransition(Transition.Action.IGNORE, ignoreState, ignore);
            addStopStateToLooping(ignoreState);
        }
        return looping;
    }

    private void updateWithGreedyCondition(NfaState state, Cond take) {
        for (Transition t : state.transitions) {
            t.cond = conds.and(t.cond, conds.not(take));
        }
    }
}
