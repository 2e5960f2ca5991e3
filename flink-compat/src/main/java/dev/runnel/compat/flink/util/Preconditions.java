package dev.runnel.compat.flink.util;

/**
 * Flink's {@code Preconditions}, which Flink's example code calls (often by static import): checks
 * that throw {@link IllegalArgumentException}, {@link NullPointerException} or
 * {@link IllegalStateException} with the given message, formatted with {@code %s} as Flink does.
 */
public final class Preconditions {
    private Preconditions() {}

    public static <T> T checkNotNull(T reference) {
        if (reference == null) {
            throw new NullPointerException();
        }
        return reference;
    }

    public static <T> T checkNotNull(T reference, String errorMessage) {
        if (reference == null) {
            throw new NullPointerException(errorMessage);
        }
        return reference;
    }

    public static <T> T checkNotNull(T reference, String errorMessageTemplate, Object... errorMessageArgs) {
        if (reference == null) {
            throw new NullPointerException(format(errorMessageTemplate, errorMessageArgs));
        }
        return reference;
    }

    public static void checkArgument(boolean condition) {
        if (!condition) {
            throw new IllegalArgumentException();
        }
    }

    public static void checkArgument(boolean condition, Object errorMessage) {
        if (!condition) {
            throw new IllegalArgumentException(String.valueOf(errorMessage));
        }
    }

    public static void checkArgument(boolean condition, String errorMessageTemplate, Object... errorMessageArgs) {
        if (!condition) {
            throw new IllegalArgumentException(format(errorMessageTemplate, errorMessageArgs));
        }
    }

    public static void checkState(boolean condition) {
        if (!condition) {
            throw new IllegalStateException();
        }
    }

    public static void checkState(boolean condition, Object errorMessage) {
        if (!condition) {
            throw new IllegalStateException(String.valueOf(errorMessage));
        }
    }

    public static void checkState(boolean condition, String errorMessageTemplate, Object... errorMessageArgs) {
        if (!condition) {
            throw new IllegalStateException(format(errorMessageTemplate, errorMessageArgs));
        }
    }

    /** Flink's formatting: each {@code %s} takes the next argument; arguments left over are appended in brackets. */
    static String format(String template, Object... args) {
        String text = String.valueOf(template);
        StringBuilder out = new StringBuilder(text.length() + 16 * args.length);
        int start = 0;
        int i = 0;
        while (i < args.length) {
            int at = text.indexOf("%s", start);
            if (at == -1) {
                break;
            }
            out.append(text, start, at).append(args[i++]);
            start = at + 2;
        }
        out.append(text, start, text.length());
        if (i < args.length) {
            out.append(" [").append(args[i++]);
            while (i < args.length) {
                out.append(", ").append(args[i++]);
            }
            out.append(']');
        }
        return out.toString();
    }
}
