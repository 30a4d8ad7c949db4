package io.practicalsystems.kv.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** How an MVStore map keeps {@link RingKey}s: {@code position (8 bytes) | varint length | key in UTF-8}, RingKey order. */
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
        byte[] utf8 = key.key().getBytes(StandardCharsets.UTF_8);
        buffer.putLong(key.position()).putVarInt(utf8.length).put(utf8);
    }

    @Override
    public RingKey read(ByteBuffer buffer) {
        long position = buffer.getLong();
        byte[] utf8 = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(utf8);
        return new RingKey(position, new String(utf8, StandardCharsets.UTF_8));
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
