package io.practicalsystems.kv.storage;

import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How an MVStore map keeps {@link RingKey}s, in RingKey order: {@code position (8 bytes) | key as H2 writes strings}
 * (a char count, then each char in a UTF-8-like form that also round-trips unpaired surrogates, so a key read back is
 * always the key written).
 */
final class RingKeyDataType extends BasicDataType<RingKey> {

    static final RingKeyDataType INSTANCE = new RingKeyDataType();

    private RingKeyDataType() {
    }

    @Override
    public int getMemory(RingKey key) {
        return 64 + 2 * key.key().length(); // record + String + its array, roughly: MVStore's cache weighs pages by this
    }

    @Override
    public void write(WriteBuffer buffer, RingKey key) {
        String text = key.key();
        buffer.putLong(key.position()).putVarInt(text.length()).putStringData(text, text.length());
    }

    @Override
    public RingKey read(ByteBuffer buffer) {
        long position = buffer.getLong();
        return new RingKey(position, DataUtils.readString(buffer));
    }

    @Override
    public int compare(RingKey a, RingKey b) {
        return a.compareTo(b);
    }

    @Override
    public RingKey[] createStorage(int size) {
        return new RingKey[size];
    }
}
