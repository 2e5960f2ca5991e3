package dev.runnel.examples.funnels;

import java.util.Arrays;
import java.util.Locale;

/** What a shopper did; written in lower case in the input ({@code add_to_cart}). */
public enum Action {
    LOGIN, VIEW, BROWSE, CLICK, ADD_TO_CART, CHECKOUT, PURCHASE, LOGOUT;

    public static Action parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown action '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Action::label).toList());
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
