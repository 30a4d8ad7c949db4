package io.practicalsystems.testsupport;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators the property tests of several packages need and QuickTheories does not ship, built so that failures
 * shrink well. QuickTheories shrinks by making each random draw behind a value smaller; a list that draws as many
 * elements as its length would, when its length shrinks, hand the next value draws meant for this one, and the
 * failure usually vanishes. So lists here always draw {@code maxSize} elements and keep the first {@code size}: length
 * and elements shrink independently (lengths towards the minimum, characters towards the alphabet's first, numbers
 * towards zero or the bound nearest to it).
 *
 * <p>Runs are seeded: the build passes {@code QT_SEED} (see docs/testing.md); a failure's message ends with
 * "Seed was N", and {@code -DQT_SEED=N} replays it.
 */
public final class Gens {

    private Gens() {
    }

    /** Lists of {@code minSize..maxSize} elements. */
    public static <T> Gen<List<T>> listsOf(Gen<T> elements, int minSize, int maxSize) {
        Gen<Integer> sizes = integers().between(minSize, maxSize);
        Gen<List<T>> lists = random -> {
            int size = sizes.generate(random);
            List<T> drawn = new ArrayList<>(maxSize);
            for (int i = 0; i < maxSize; i++) {
                drawn.add(elements.generate(random));
            }
            return new ArrayList<>(drawn.subList(0, size));
        };
        return lists.describedAs(list -> list.stream().map(elements::asString).toList().toString());
    }

    /** Maps from up to {@code maxSize} drawn entries; a key drawn twice keeps its first value, so some are smaller. */
    public static <K, V> Gen<Map<K, V>> mapsOf(Gen<K> keys, Gen<V> values, int maxSize) {
        return listsOf(keys.zip(values, Map::entry), 0, maxSize).map(entries -> {
            Map<K, V> map = new LinkedHashMap<>();
            entries.forEach(e -> map.putIfAbsent(e.getKey(), e.getValue()));
            return map;
        });
    }

    /** Strings of {@code minLength..maxLength} characters, each one of {@code alphabet}. */
    public static Gen<String> stringsOf(String alphabet, int minLength, int maxLength) {
        Gen<Character> chars = Generate.pick(alphabet.chars().mapToObj(c -> (char) c).toList());
        return charsJoined(chars, minLength, maxLength);
    }

    /** Any UTF-16 characters, unpaired surrogates and controls included; they shrink towards {@code 'a'}. */
    public static Gen<String> anyChars(int minLength, int maxLength) {
        Gen<Character> chars = Generate.range(Character.MIN_VALUE, Character.MAX_VALUE, 'a')
                .map(c -> (char) c.intValue());
        return charsJoined(chars, minLength, maxLength);
    }

    /** Byte arrays of {@code 0..maxLength} bytes of any value. */
    public static Gen<byte[]> bytes(int maxLength) {
        return listsOf(anyByte(), 0, maxLength).map(list -> {
            byte[] bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = list.get(i);
            }
            return bytes;
        }).describedAs(Arrays::toString);
    }

    /** Any byte. */
    public static Gen<Byte> anyByte() {
        return Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0);
    }

    /** The whole range {@link Instant} supports, to the nanosecond. */
    public static Gen<Instant> instants() {
        return longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                .zip(longs().between(0, 999_999_999), Instant::ofEpochSecond);
    }

    /** {@code s} in quotes with everything but printable ASCII as {@code \\uXXXX}: counterexamples stay readable. */
    public static String readable(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            boolean plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
            out.append(plain ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.append('"').toString();
    }

    private static Gen<String> charsJoined(Gen<Character> chars, int minLength, int maxLength) {
        return listsOf(chars, minLength, maxLength).map(list -> {
            StringBuilder text = new StringBuilder(list.size());
            list.forEach(text::append);
            return text.toString();
        }).describedAs(Gens::readable);
    }
}
