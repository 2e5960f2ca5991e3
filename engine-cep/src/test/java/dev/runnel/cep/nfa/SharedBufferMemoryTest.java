package dev.runnel.cep.nfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import dev.runnel.cep.pattern.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The matcher holds only events some partial match can still use, and nothing once they expire. */
class SharedBufferMemoryTest {
    private final List<String> matches = new ArrayList<>();
    private final List<String> timeouts = new ArrayList<>();

    private Nfa nfa(Pattern<String, ?> pattern) {
        Nfa nfa = new Nfa(NfaCompiler.compile(pattern), () -> 0L);
        nfa.setHandler(new MatchHandler() {
            @Override
            public void onMatch(Map<String, List<Object>> match, long timestamp) {
                matches.add(match + "@" + timestamp);
            }

            @Override
            public void onTimeout(Map<String, List<Object>> partialMatch, long timestamp) {
                timeouts.add(partialMatch + "@" + timestamp);
            }
        }, true);
        return nfa;
    }

    @Test
    void followedByAnyWithOneOrMoreSharesEventsAndReleasesThemWhenTheWindowExpires() {
        Nfa nfa = nfa(Pattern.<String>begin("a").where(e -> e.startsWith("a"))
            .followedByAny("b").where(e -> e.startsWith("b")).oneOrMore()
            .followedBy("c").where(e -> e.startsWith("c")).within(Duration.ofMillis(100)));
        KeyMatches key = new KeyMatches("k");
        String[] events = {"a1", "x", "b1", "b2", "a2", "b3", "x", "b4"};
        for (int i = 0; i < events.length; i++) {
            nfa.process(key, events[i], i + 1);
        }
        // many partial matches, but each event is stored once however many of them took it
        assertThat(nfa.partialMatches()).isGreaterThan(10);
        assertThat(nfa.heldEvents()).isEqualTo(6);
        nfa.advanceTime(key, 1 + 100);          // a1's partial matches expire
        assertThat(nfa.heldEvents()).isEqualTo(3); // a2, b3, b4: b1 and b2 are no longer reachable
        nfa.advanceTime(key, 5 + 100);
        assertThat(nfa.partialMatches()).isZero();
        assertThat(nfa.heldEvents()).isZero();
        assertThat(key.isIdle()).isTrue();
        assertThat(timeouts).isNotEmpty().allMatch(t -> t.endsWith("@101") || t.endsWith("@105"));
    }

    @Test
    void aSkipStrategyReleasesThePrunedPartialMatchesEvents() {
        Nfa nfa = nfa(Pattern.<String>begin("a", AfterMatchSkipStrategy.skipPastLastEvent()).where(e -> e.startsWith("a"))
            .followedByAny("b").where(e -> e.startsWith("b")));
        KeyMatches key = new KeyMatches("k");
        nfa.process(key, "a1", 1);
        nfa.process(key, "a2", 2);
        nfa.process(key, "a3", 3);
        assertThat(nfa.heldEvents()).isEqualTo(3);
        nfa.process(key, "b1", 4);
        assertThat(matches).containsExactly("{a=[a1], b=[b1]}@4");
        assertThat(nfa.partialMatches()).isZero();
        assertThat(nfa.heldEvents()).isZero();
    }

    @Test
    void strictContiguityDropsPartialMatchesAndTheirEventsAtTheFirstMismatch() {
        // times(n) alone has relaxed inner contiguity (as in Flink); consecutive() makes the loop strict too
        Nfa nfa = nfa(Pattern.<String>begin("first").where(e -> e.equals("0")).next("rest").where(e -> e.equals("0")).times(4)
            .consecutive());
        KeyMatches key = new KeyMatches("k");
        long ts = 0;
        for (int round = 0; round < 1000; round++) {
            nfa.process(key, "0", ++ts);
            nfa.process(key, "0", ++ts);
            nfa.process(key, "1", ++ts);
        }
        assertThat(matches).isEmpty();
        assertThat(nfa.partialMatches()).isZero();
        assertThat(nfa.heldEvents()).isZero();
    }
}
