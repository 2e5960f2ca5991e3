package dev.runnel.cep.nfa;

/** An edge: TAKE consumes the event into the source's stage, IGNORE skips it, PROCEED moves on without consuming. */
final class Transition {
    enum Action { TAKE, IGNORE, PROCEED }

    final Action action;
    final NfaState source;
    final NfaState target;
    Cond cond;

    Transition(Action action, NfaState source, NfaState target, Cond cond) {
        this.action = action;
        this.source = source;
        this.target = target;
        this.cond = cond;
    }
}
