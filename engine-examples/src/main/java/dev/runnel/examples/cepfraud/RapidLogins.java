package dev.runnel.examples.cepfraud;

import dev.runnel.cep.PatternSelectFunction;
import dev.runnel.cep.pattern.Pattern;
import java.time.Duration;
import java.util.List;

/**
 * A login immediately followed by more logins, all within a few minutes: a script trying passwords
 * or sessions. As the recipe writes it: {@code begin("first_login")}, {@code next("subsequent_logins")
 * .times(n - 1)}. {@code next} makes the second login follow the first with nothing in between; the
 * later ones may have other events between them (the default, relaxed contiguity of {@code times}).
 */
public final class RapidLogins {
    static final String FIRST = "first_login";
    static final String SUBSEQUENT = "subsequent_logins";

    private RapidLogins() {}

    /** {@code logins} logins in all (5 in S3), within {@code window} (5 min) of the first. */
    public static Pattern<UserEvent, ?> pattern(int logins, Duration window) {
        if (logins < 2) {
            throw new IllegalArgumentException("rapid logins need at least 2 logins, got " + logins);
        }
        return Pattern.<UserEvent>begin(FIRST).where(UserEvent::isLogin)
            .next(SUBSEQUENT).where(UserEvent::isLogin).times(logins - 1)
            .within(window);
    }

    /** One RAPID_LOGIN_ATTEMPTS alert per match, at the time of the last login. */
    public static PatternSelectFunction<UserEvent, FraudAlert> toAlert() {
        return match -> {
            UserEvent first = match.get(FIRST).get(0);
            List<UserEvent> rest = match.get(SUBSEQUENT);
            UserEvent last = rest.get(rest.size() - 1);
            long seconds = (last.timestamp() - first.timestamp()) / 1000;
            return FraudAlert.of(first.userId(), FraudAlert.Type.RAPID_LOGIN_ATTEMPTS,
                (rest.size() + 1) + " logins in " + seconds + " s", last.timestamp());
        };
    }
}
