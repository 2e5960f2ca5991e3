package dev.runnel.api.functions.aggregation;

/**
 * Reads one field of a record and builds a record with that field replaced, never mutating the
 * record it was given. Resolved once per record class by {@link FieldAccessors}, then used per record
 * without any name lookup.
 */
interface FieldAccessor {
    Object get(Object record) throws ReflectiveOperationException;

    /** A shallow copy of {@code record} (a new record for Java records) whose field is {@code value}. */
    Object with(Object record, Object value) throws ReflectiveOperationException;
}
