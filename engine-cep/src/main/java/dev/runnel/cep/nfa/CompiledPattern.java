package dev.runnel.cep.nfa;

import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import java.util.List;

/**
 * The automaton of one pattern: immutable after compilation and shared by every key and subtask.
 *
 * @param windowTime the smallest FIRST_AND_LAST {@code within} in millis, 0 if none
 * @param stageNames the stages in pattern order
 */
public record CompiledPattern(NfaState start, List<NfaState> states, long windowTime, AfterMatchSkipStrategy skipStrategy,
        int conditionCount, List<String> stageNames) {

    /** A readable dump of states and edges (for debugging and error reports). */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (NfaState s : states) {
            sb.append(s).append('\n');
        }
        return sb.toString();
    }
}
