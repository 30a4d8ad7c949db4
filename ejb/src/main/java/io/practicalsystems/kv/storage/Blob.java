package io.practicalsystems.kv.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A stored value: opaque bytes, compared by content. (A {@code byte[]} compares by reference, and the version core
 * assumes values compare by value when it merges replicas' copies.)
 */
public final class Blob {

    private final byte[] bytes;

    private Blob(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}: later changes to the array do not change the blob. */
    public static Blob of(byte[] bytes) {
        return new Blob(Objects.requireNonNull(bytes, "bytes").clone());
    }

    public static Blob ofUtf8(String text) {
        return new Blob(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the content. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Blob other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length <= 32 ? "Blob(" + utf8() + ")" : "Blob(" + bytes.length + " bytes)";
    }
}
