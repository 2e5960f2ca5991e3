package dev.runnel.runtime;

/**
 * A failure inside an operator, carrying where it happened: operator, key, event timestamp and the
 * record (abbreviated). Thrown through the chain unchanged; the job fails with it.
 */
public final class OperatorException extends RuntimeException {
    private static final int MAX_RECORD_CHARS = 200;

    public OperatorException(String message, Throwable cause) {
        super(message, cause);
    }

    public static OperatorException userCode(String operator, Object key, long timestamp, Object record, Throwable cause) {
        StringBuilder sb = new StringBuilder("User function failed in operator '").append(operator).append('\'');
        if (key != null) {
            sb.append(", key=").append(abbreviate(key));
        }
        sb.append(", timestamp=").append(timestamp == Output.NO_TIMESTAMP ? "none" : Long.toString(timestamp));
        if (record != null) {
            sb.append(", record=").append(abbreviate(record));
        }
        sb.append(": ").append(cause);
        return new OperatorException(sb.toString(), cause);
    }

    public static String abbreviate(Object o) {
        String s;
        try {
            s = String.valueOf(o);
        } catch (RuntimeException e) {
            s = o.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(o));
        }
        return s.length() <= MAX_RECORD_CHARS ? s : s.substring(0, MAX_RECORD_CHARS) + "...(" + s.length() + " chars)";
    }
}
