package dev.runnel.cep.dynamic;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * A reader of one public field as a class of its own: {@code ((Owner) e).field} in the one method of
 * {@code ToLongFunction}, {@code ToDoubleFunction}, {@code Predicate} or {@code Function}, defined
 * as a hidden class in the owner's nest. {@link java.lang.invoke.LambdaMetafactory} does this for
 * methods but cannot target a field, and a field's method handle that is not a constant is called
 * without inlining (about 12 ns against 4 for a generated reader, measured on W5's condition).
 *
 * <p>The class file is written by hand: ten constant-pool entries and two straight-line methods
 * (no branches, so no stack map frames), Java 8 class-file version.
 */
final class FieldReaderClass {
    private FieldReaderClass() {}

    /**
     * An instance of {@code iface} whose {@code method} returns {@code field} of its argument, or
     * null when the owner's lookup does not allow defining a class (the caller then uses a handle).
     *
     * @param descriptor the method's descriptor, e.g. {@code (Ljava/lang/Object;)J}
     * @param convert the conversion after {@code getfield} ({@code i2l}, {@code f2d}) or -1 for none
     * @param returnOp {@code lreturn}, {@code dreturn}, {@code ireturn} or {@code areturn}
     */
    static Object define(Field field, Class<?> iface, String method, String descriptor, int convert, int returnOp) {
        Class<?> owner = field.getDeclaringClass();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            byte[] bytes = classFile(owner, field, iface, method, descriptor, convert, returnOp);
            Class<?> reader = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE).lookupClass();
            return lookup.findConstructor(reader, MethodType.methodType(void.class)).invoke();
        } catch (Throwable refused) {
            return null;
        }
    }

    private static byte[] classFile(Class<?> owner, Field field, Class<?> iface, String method, String descriptor,
            int convert, int returnOp) throws IOException {
        String ownerName = owner.getName().replace('.', '/');
        int slash = ownerName.lastIndexOf('/');
        String thisName = (slash < 0 ? "" : ownerName.substring(0, slash + 1)) + "RunnelFieldReader";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(52);
        out.writeShort(20); // constant pool: entries 1..19
        utf8(out, thisName);                                   // 1
        ref(out, 7, 1);                                        // 2 Class this
        utf8(out, "java/lang/Object");                         // 3
        ref(out, 7, 3);                                        // 4 Class Object
        utf8(out, iface.getName().replace('.', '/'));          // 5
        ref(out, 7, 5);                                        // 6 Class iface
        utf8(out, ownerName);                                  // 7
        ref(out, 7, 7);                                        // 8 Class owner
        utf8(out, field.getName());                            // 9
        utf8(out, MethodType.methodType(field.getType()).toMethodDescriptorString().substring(2)); // 10 field descriptor
        pair(out, 12, 9, 10);                                  // 11 NameAndType
        pair(out, 9, 8, 11);                                   // 12 Fieldref owner.field
        utf8(out, "<init>");                                   // 13
        utf8(out, "()V");                                      // 14
        pair(out, 12, 13, 14);                                 // 15 NameAndType
        pair(out, 10, 4, 15);                                  // 16 Methodref Object.<init>
        utf8(out, method);                                     // 17
        utf8(out, descriptor);                                 // 18
        utf8(out, "Code");                                     // 19
        out.writeShort(0x0001 | 0x0010 | 0x0020); // public final super
        out.writeShort(2);
        out.writeShort(4);
        out.writeShort(1);
        out.writeShort(6);
        out.writeShort(0); // fields
        out.writeShort(2); // methods
        // <init>: aload_0, invokespecial Object.<init>, return
        method(out, 13, 14, 1, 1, new byte[] {0x2a, (byte) 0xb7, 0, 16, (byte) 0xb1});
        // the reader: aload_1, checkcast owner, getfield, [convert], return
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(new byte[] {0x2b, (byte) 0xc0, 0, 8, (byte) 0xb4, 0, 12});
        if (convert >= 0) {
            code.write(convert);
        }
        code.write(returnOp);
        method(out, 17, 18, 2, 2, code.toByteArray());
        out.writeShort(0); // class attributes
        return bytes.toByteArray();
    }

    private static void method(DataOutputStream out, int name, int descriptor, int maxStack, int maxLocals, byte[] code)
            throws IOException {
        out.writeShort(0x0001);
        out.writeShort(name);
        out.writeShort(descriptor);
        out.writeShort(1);
        out.writeShort(19); // Code
        out.writeInt(12 + code.length);
        out.writeShort(maxStack);
        out.writeShort(maxLocals);
        out.writeInt(code.length);
        out.write(code);
        out.writeShort(0); // exception table
        out.writeShort(0); // attributes
    }

    private static void utf8(DataOutputStream out, String s) throws IOException {
        out.writeByte(1);
        out.writeUTF(s);
    }

    private static void ref(DataOutputStream out, int tag, int index) throws IOException {
        out.writeByte(tag);
        out.writeShort(index);
    }

    private static void pair(DataOutputStream out, int tag, int a, int b) throws IOException {
        out.writeByte(tag);
        out.writeShort(a);
        out.writeShort(b);
    }
}
