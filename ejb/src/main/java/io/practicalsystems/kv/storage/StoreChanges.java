package io.practicalsystems.kv.storage;

import java.nio.ByteBuffer;

/**
 * The replica store's changes as {@link WriteAheadLog} records: a key's new copy, a key's removal, a raised actor epoch
 * ({@link ActorEpoch}). Replaying them in order rebuilds the store's state after its last checkpoint — each is
 * idempotent (the last change of a key wins; the epoch only rises).
 */
final class StoreChanges {

    private static final byte PUT = 1;
    private static final byte REMOVE = 2;
    private static final byte EPOCH = 3;

    /** What replay feeds the store with. */
    interface Target {
        void put(String key, byte[] copy);

        void remove(String key);

        void raiseEpoch(long epoch);
    }

    private StoreChanges() {
    }

    static long put(WriteAheadLog log, String key, byte[] copy) {
        return log.append(PUT, keyed(key, copy));
    }

    static long remove(WriteAheadLog log, String key) {
        return log.append(REMOVE, keyed(key, new byte[0]));
    }

    static long epoch(WriteAheadLog log, long epoch) {
        return log.append(EPOCH, ByteBuffer.allocate(8).putLong(epoch).array());
    }

    /** Applies one replayed record to {@code target}. */
    static void apply(byte type, ByteBuffer body, Target target) {
        switch (type) {
            case PUT -> {
                String key = readKey(body);
                byte[] copy = new byte[body.remaining()];
                body.get(copy);
                target.put(key, copy);
            }
            case REMOVE -> target.remove(readKey(body));
            case EPOCH -> target.raiseEpoch(body.getLong());
            default -> throw new IllegalStateException("unknown change type " + type + " in the write-ahead log");
        }
    }

    /** The key as Java chars, so any string round-trips (unpaired surrogates too), then {@code rest}. */
    private static byte[] keyed(String key, byte[] rest) {
        ByteBuffer out = ByteBuffer.allocate(4 + key.length() * 2 + rest.length).putInt(key.length());
        for (int i = 0; i < key.length(); i++) {
            out.putChar(key.charAt(i));
        }
        return out.put(rest).array();
    }

    private static String readKey(ByteBuffer body) {
        char[] chars = new char[body.getInt()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = body.getChar();
        }
        return new String(chars);
    }
}
