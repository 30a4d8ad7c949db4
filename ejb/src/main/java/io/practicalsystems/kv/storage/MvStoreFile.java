package io.practicalsystems.kv.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * The file behind a {@link MvStoreReplicaStore}: an MVStore with map {@value #COPIES} ({@link RingKey} → sibling set
 * bytes) and map {@value #META} (a format marker, and the {@link ActorEpoch}).
 */
final class MvStoreFile {

    static final String FORMAT = "practical-systems kv replica store, format 1";
    private static final String COPIES = "copies";
    private static final String META = "meta";
    private static final String FORMAT_KEY = "format";
    private static final String ACTOR_EPOCH_KEY = "actor-epoch";
    /** Before actor epochs, a store counted rewritten keys on above this; one that has it is treated as epoch 1. */
    private static final String LEGACY_CEILING_KEY = "forgotten-counter-ceiling";

    private MvStoreFile() {
    }

    /** Opens the store at {@code file}, first creating it if there is no file; rejects anything but a replica store. */
    static MVStore openOrCreate(Path file) {
        if (!Files.exists(file)) {
            create(file);
        }
        MVStore store = openMvStore(file);
        try {
            String format = store.hasMap(META) ? store.<String, String>openMap(META).get(FORMAT_KEY) : null;
            if (!FORMAT.equals(format)) {
                throw new IllegalStateException("cannot open replica store " + file + ": not a replica store (format "
                        + (format == null ? "marker missing" : "'" + format + "'") + ", maps " + store.getMapNames()
                        + "); a foreign MVStore file, or a corrupted one");
            }
            return store;
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    static MVMap<RingKey, byte[]> copies(MVStore store) {
        return store.openMap(COPIES, new MVMap.Builder<RingKey, byte[]>()
                .keyType(RingKeyDataType.INSTANCE)
                .valueType(ByteArrayDataType.INSTANCE));
    }

    /**
     * Writes a new store under a temporary name and renames it into place, so a file at the path always has the
     * format marker: a crash during creation leaves only the temporary file, which the next attempt replaces. File and
     * directory are fsynced so that, after a power loss, a store that was in use does not silently vanish (a node that
     * restarted empty under its old ID could reissue dot counters).
     */
    private static void create(Path file) {
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(fresh);
            MVStore store = openMvStore(fresh);
            try {
                store.<String, String>openMap(META).put(FORMAT_KEY, FORMAT);
                copies(store);
                store.commit();
                store.sync();
            } finally {
                store.close();
            }
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create replica store " + file, e);
        }
    }

    /** Makes a rename durable. Works on Linux and macOS; where a directory cannot be opened, there is nothing to do. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // e.g. Windows, where directories cannot be opened as files and renames are durable by other means
        }
    }

    /**
     * Auto-commit off, both kinds: the background writer, and the commit H2 otherwise runs on the writing thread
     * inside {@code MVMap.put} once unsaved page memory passes the auto-commit buffer ({@code autoCommitDisabled()}
     * leaves that one on) — it held the writer's key lock for the whole commit, tens of milliseconds, stalling every
     * writer queued behind it. The replica store commits at its own checkpoints, on its own thread, and must know what
     * a commit covers; freed space reused at once (see {@link MvStoreReplicaStore} on retention); {@code retry:} so an
     * interrupted thread does not close the file channel under every other thread.
     */
    private static MVStore openMvStore(Path file) {
        try {
            MVStore store = new MVStore.Builder().fileName("retry:" + file).autoCommitDisabled().autoCommitBufferSize(0)
                    .open();
            store.setRetentionTime(0);
            return store;
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new IllegalStateException("cannot open replica store " + file
                        + ": in use (locked by another process, or already open in this one)", e);
            }
            throw corrupted(file, e);
        } catch (RuntimeException e) { // MVStore does not promise MVStoreException for every kind of garbage
            throw corrupted(file, e);
        }
    }

    private static IllegalStateException corrupted(Path file, RuntimeException e) {
        return new IllegalStateException("cannot open replica store " + file
                + ": not an H2 MVStore file, or corrupted (" + e.getMessage() + ")", e);
    }

    /** The {@value #META} map's typed entries. */
    static final class Meta {

        private final MVMap<String, String> map;

        Meta(MVStore store) {
            this.map = store.openMap(META);
        }

        long actorEpoch() {
            long epoch = number(ACTOR_EPOCH_KEY);
            return epoch == 0 && number(LEGACY_CEILING_KEY) > 0 ? 1 : epoch;
        }

        void setActorEpoch(long epoch) {
            map.put(ACTOR_EPOCH_KEY, Long.toString(epoch));
        }

        private long number(String key) {
            String value = map.get(key);
            try {
                return value == null ? 0 : Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("corrupted replica store: " + key + " = " + value, e);
            }
        }
    }
}
