package dev.runnel.api.functions.aggregation;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the field an aggregation names, by position or by name, with reflection done once per
 * record class:
 * <ul>
 *   <li>by position: field {@code fN} of a Flink-style tuple (public fields {@code f0}, {@code f1},
 *       ...), or position 0 of a plain value ({@code Integer}, {@code Long}, ...) meaning the value;</li>
 *   <li>by name: a Java record's component, a public field, or a getter ({@code getX}/{@code isX})
 *       with a setter ({@code setX}; {@code minBy}/{@code maxBy} only read, so a getter will do); tuple
 *       fields by name ({@code "f1"}) too.</li>
 * </ul>
 * Records are rebuilt through their canonical constructor; other classes are copied through a public
 * {@code copy()} method if they have one (Flink's tuples), otherwise through their no-argument
 * constructor and a field-by-field shallow copy (what Flink's POJO serializer copy gives).
 */
final class FieldAccessors {
    private FieldAccessors() {}

    static FieldAccessor byPosition(Class<?> type, int position, boolean writes) {
        if (isPlainValue(type)) {
            if (position != 0) {
                throw new IllegalArgumentException("Position " + position + " does not exist in " + type.getName()
                    + ": a plain value has only position 0 (the value itself)");
            }
            return SELF;
        }
        List<String> tupleFields = tupleFields(type);
        if (tupleFields.isEmpty()) {
            throw new IllegalArgumentException("Aggregating by position needs a tuple (public fields f0, f1, ...) or a plain value, not "
                + type.getName() + "; aggregate by field name instead. Fields: " + fieldNames(type));
        }
        if (position < 0 || position >= tupleFields.size()) {
            throw new IllegalArgumentException("Position " + position + " does not exist in " + type.getName()
                + ": it has positions 0.." + (tupleFields.size() - 1) + " " + tupleFields);
        }
        return publicField(type, field(type, "f" + position), writes);
    }

    static FieldAccessor byName(Class<?> type, String name, boolean writes) {
        if (isPlainValue(type) && (name.equals("*") || name.equals("f0"))) {
            return SELF;
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(name)) {
                    return recordComponent(type, components, i);
                }
            }
            throw unknown(type, name);
        }
        Field f = field(type, name);
        if (f != null && Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) {
            return publicField(type, f, writes);
        }
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Method getter = method(type, "get" + cap);
        if (getter == null) {
            getter = method(type, "is" + cap);
        }
        if (getter != null) {
            Method setter = null;
            for (Method m : type.getMethods()) {
                if (m.getName().equals("set" + cap) && m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())) {
                    setter = m;
                }
            }
            if (setter == null && writes) {
                throw new IllegalArgumentException("Field '" + name + "' of " + type.getName()
                    + " has a getter but no public setter set" + cap + "(...), so an aggregation cannot write its result");
            }
            return getterSetter(type, getter, setter, writes);
        }
        throw unknown(type, name);
    }

    private static IllegalArgumentException unknown(Class<?> type, String name) {
        return new IllegalArgumentException("Field '" + name + "' does not exist in " + type.getName() + "; fields: " + fieldNames(type));
    }

    /** The names an aggregation can use on {@code type}, for error messages. */
    static List<String> fieldNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                names.add(c.getName());
            }
            return names;
        }
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                names.add(f.getName());
            }
        }
        for (Method m : type.getMethods()) {
            String n = m.getName();
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class) {
                String prop = n.startsWith("get") && n.length() > 3 ? n.substring(3) : n.startsWith("is") && n.length() > 2 ? n.substring(2) : null;
                if (prop != null) {
                    String p = Character.toLowerCase(prop.charAt(0)) + prop.substring(1);
                    if (!names.contains(p)) {
                        names.add(p);
                    }
                }
            }
        }
        return names;
    }

    static boolean isPlainValue(Class<?> type) {
        return Number.class.isAssignableFrom(type) || type == String.class || type == Boolean.class || type == Character.class;
    }

    private static List<String> tupleFields(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (int i = 0; ; i++) {
            Field f = field(type, "f" + i);
            if (f == null || !Modifier.isPublic(f.getModifiers()) || Modifier.isStatic(f.getModifiers())) {
                return names;
            }
            names.add(f.getName());
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Method method(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            return Modifier.isStatic(m.getModifiers()) || m.getReturnType() == void.class ? null : m;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static final FieldAccessor SELF = new FieldAccessor() {
        @Override
        public Object get(Object record) {
            return record;
        }

        @Override
        public Object with(Object record, Object value) {
            return value;
        }
    };

    private static FieldAccessor publicField(Class<?> type, Field f, boolean writes) {
        if (writes && Modifier.isFinal(f.getModifiers())) {
            throw new IllegalArgumentException("Field '" + f.getName() + "' of " + type.getName() + " is final, so an aggregation cannot write its result");
        }
        f.trySetAccessible(); // public fields of non-public classes (nested test types)
        Copier copier = writes ? copier(type) : READ_ONLY;
        return new FieldAccessor() {
            @Override
            public Object get(Object record) throws IllegalAccessException {
                return f.get(record);
            }

            @Override
            public Object with(Object record, Object value) throws ReflectiveOperationException {
                Object copy = copier.copy(record);
                f.set(copy, value);
                return copy;
            }
        };
    }

    private static FieldAccessor getterSetter(Class<?> type, Method getter, Method setter, boolean writes) {
        getter.trySetAccessible();
        if (setter != null) {
            setter.trySetAccessible();
        }
        Copier copier = writes ? copier(type) : READ_ONLY;
        return new FieldAccessor() {
            @Override
            public Object get(Object record) throws ReflectiveOperationException {
                return getter.invoke(record);
            }

            @Override
            public Object with(Object record, Object value) throws ReflectiveOperationException {
                Object copy = copier.copy(record);
                setter.invoke(copy, value);
                return copy;
            }
        };
    }

    private static FieldAccessor recordComponent(Class<?> type, RecordComponent[] components, int index) {
        Method[] accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].trySetAccessible();
            types[i] = components[i].getType();
        }
        Constructor<?> canonical;
        try {
            canonical = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Record " + type.getName() + " has no canonical constructor", e);
        }
        canonical.trySetAccessible();
        Method accessor = accessors[index];
        return new FieldAccessor() {
            @Override
            public Object get(Object record) throws ReflectiveOperationException {
                return accessor.invoke(record);
            }

            @Override
            public Object with(Object record, Object value) throws ReflectiveOperationException {
                Object[] args = new Object[accessors.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = i == index ? value : accessors[i].invoke(record);
                }
                return canonical.newInstance(args);
            }
        };
    }

    /** Makes a shallow copy of a record of one class. */
    private interface Copier {
        Object copy(Object record) throws ReflectiveOperationException;
    }

    /** For aggregations that return whole records ({@code minBy}, {@code maxBy}): they never write a field. */
    private static final Copier READ_ONLY = record -> {
        throw new IllegalStateException("This aggregation only reads the field");
    };

    private static Copier copier(Class<?> type) {
        Method copyMethod = method(type, "copy");
        if (copyMethod != null && type.isAssignableFrom(copyMethod.getReturnType())) {
            copyMethod.trySetAccessible();
            return copyMethod::invoke;
        }
        Constructor<?> noArgs;
        try {
            noArgs = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("An aggregation cannot copy " + type.getName() + " to write its result without "
                + "changing the input: give it a public no-argument constructor (as Flink's POJO rules require) or a copy() method");
        }
        noArgs.trySetAccessible();
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && f.trySetAccessible()) {
                    fields.add(f);
                }
            }
        }
        Field[] all = fields.toArray(new Field[0]);
        return record -> {
            Object copy = noArgs.newInstance();
            for (Field f : all) {
                f.set(copy, f.get(record));
            }
            return copy;
        };
    }
}
