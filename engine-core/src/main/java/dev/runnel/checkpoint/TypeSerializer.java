package dev.runnel.checkpoint;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes and reads values of one type in checkpoints. Register one with {@link StateSerializers#register}
 * for a state type that is not {@link java.io.Serializable}, or to control its format. Called only
 * when a checkpoint is taken or restored, never per record.
 */
public interface TypeSerializer<T> {
    void serialize(T value, DataOutput out) throws IOException;

    T deserialize(DataInput in) throws IOException;
}
