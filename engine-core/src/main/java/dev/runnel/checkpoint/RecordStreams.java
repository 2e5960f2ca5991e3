package dev.runnel.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * Java serialization streams that also take records which do not implement {@link Serializable},
 * wherever they occur in a value (a window's element list, an accumulator's field): such a record is
 * written as its class and component values and rebuilt with its canonical constructor, which is
 * what Java serialization does for serializable records anyway. Records are plain data, so this is
 * safe; other classes still have to be Serializable or have a {@link TypeSerializer}.
 */
final class RecordStreams {
    private RecordStreams() {}

    /** Stands in for a non-serializable record in the stream. */
    private static final class RecordProxy implements Serializable {
        private static final long serialVersionUID = 1L;
        final String type;
        final Object[] components;

        RecordProxy(String type, Object[] components) {
            this.type = type;
            this.components = components;
        }
    }

    static final class Out extends ObjectOutputStream {
        Out(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) throws IOException {
            if (obj instanceof Record && !(obj instanceof Serializable)) {
                RecordComponent[] rc = obj.getClass().getRecordComponents();
                Object[] values = new Object[rc.length];
                try {
                    for (int i = 0; i < rc.length; i++) {
                        java.lang.reflect.Method accessor = rc[i].getAccessor();
                        accessor.setAccessible(true);
                        values[i] = accessor.invoke(obj);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new java.io.NotSerializableException(obj.getClass().getName() + " (its components cannot be read: " + e + ")");
                }
                return new RecordProxy(obj.getClass().getName(), values);
            }
            return obj;
        }
    }

    static final class In extends ObjectInputStream {
        In(InputStream in) throws IOException {
            super(in);
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object obj) throws IOException {
            if (!(obj instanceof RecordProxy proxy)) {
                return obj;
            }
            try {
                Class<?> type = Class.forName(proxy.type, false, classLoader());
                RecordComponent[] rc = type.getRecordComponents();
                if (rc == null || rc.length != proxy.components.length) {
                    throw new java.io.InvalidClassException(proxy.type, "not a record with " + proxy.components.length + " components any more");
                }
                Class<?>[] types = new Class<?>[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    types[i] = rc[i].getType();
                }
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(proxy.components);
            } catch (ClassNotFoundException e) {
                throw new java.io.InvalidClassException(proxy.type, "class not found");
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new java.io.InvalidClassException(proxy.type, "cannot rebuild the record: " + e);
            }
        }

        private static ClassLoader classLoader() {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : RecordStreams.class.getClassLoader();
        }
    }
}
