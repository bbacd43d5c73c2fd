package io.github.pendoclient.sync.push.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * What a push job knows Pendo holds: per object id, a 64-bit fingerprint of the mapped values Pendo accepted (or
 * reported missing); the 64-bit hashes of delivered events' unique keys; and the keys of events sent but not yet
 * answered (pending), whose outcome is unknown after a crash.
 *
 * <p>On disk it is a snapshot plus a journal. The snapshot ({@code FILE}) is binary: the magic {@code PSHS}, format
 * version 1, the job (kind and group, such as {@code VISITOR/custom}, which must match), then the objects (id as
 * length-prefixed UTF-8, fingerprint, flag 0 accepted / 1 missing), the delivered keys and the pending keys, and a
 * CRC-32 of everything before it; it is written to a temporary file, forced to disk and renamed over the old one,
 * and the directory is forced.
 * The journal ({@code FILE.journal}) holds the changes since, appended and forced to disk at each checkpoint, each
 * record with its own CRC-32, so a record torn by a crash is ignored. Loading replays the journal over the snapshot;
 * {@link #compact()} folds it in. Event keys are kept as 64-bit hashes: two distinct keys collide with probability
 * about n²/2⁶⁵ (for a billion keys, under 3 %), in which case the second event is taken as delivered.
 */
public final class PushState implements AutoCloseable {

    private static final int MAGIC = 0x50534853; // "PSHS"
    private static final int VERSION = 1;
    private static final byte PUT = 1;
    private static final byte REMOVE = 2;
    private static final byte DELIVERED = 3;
    private static final byte PENDING = 4;
    private static final byte SETTLED = 5;

    private final Path file;
    private final Path journalFile;
    private final String job;
    private final Map<String, Long> objects = new HashMap<>();
    private final Set<String> missing = new HashSet<>();
    private final Set<Long> delivered = new HashSet<>();
    private final Set<Long> pending = new HashSet<>();
    private final ByteArrayOutputStream journal = new ByteArrayOutputStream();
    private FileChannel journalChannel;

    private PushState(Path file, String job) {
        this.file = file;
        this.journalFile = file == null ? null : file.resolveSibling(file.getFileName() + ".journal");
        this.job = job;
    }

    /**
     * A state kept in memory only (no state file): every run starts empty.
     *
     * @param job the job's identity
     * @return an empty state
     */
    public static PushState inMemory(String job) {
        return new PushState(null, job);
    }

    /**
     * Loads a state file, or starts empty when there is none.
     *
     * @param file the snapshot path
     * @param job the job's identity; the file must have been written for the same
     * @return the state
     * @throws IOException if the file cannot be read, is damaged, or belongs to another job
     */
    public static PushState load(Path file, String job) throws IOException {
        PushState state = new PushState(file, job);
        if (Files.exists(file)) {
            state.readSnapshot();
        }
        if (Files.exists(state.journalFile)) {
            state.replayJournal();
        }
        return state;
    }

    /** @return the fingerprint Pendo last accepted for the id, or null */
    public Long fingerprint(String id) {
        return objects.get(id);
    }

    /** @return whether Pendo reported the id missing when it was last sent */
    public boolean wasMissing(String id) {
        return missing.contains(id);
    }

    /** @return every object id in the state */
    public Set<String> ids() {
        return objects.keySet();
    }

    /** @return whether the event key was delivered */
    public boolean delivered(long key) {
        return delivered.contains(key);
    }

    /** @return whether the event key was sent by a run that did not learn its outcome */
    public boolean pending(long key) {
        return pending.contains(key);
    }

    /** Records that Pendo accepted the values (or reported the id missing, when {@code wasMissing}). */
    public void put(String id, long fingerprint, boolean wasMissing) {
        applyPut(id, fingerprint, wasMissing);
        record(PUT, out -> {
            writeString(out, id);
            out.writeLong(fingerprint);
            out.writeByte(wasMissing ? 1 : 0);
        });
    }

    /** Forgets an object (cleared in Pendo). */
    public void remove(String id) {
        objects.remove(id);
        missing.remove(id);
        record(REMOVE, out -> writeString(out, id));
    }

    /** Records that events with this key are about to be sent. */
    public void markPending(long key) {
        pending.add(key);
        record(PENDING, out -> out.writeLong(key));
    }

    /** Records that a pending event's outcome is known and it was not delivered (rejected). */
    public void settle(long key) {
        pending.remove(key);
        record(SETTLED, out -> out.writeLong(key));
    }

    /** Records that the event was delivered. */
    public void markDelivered(long key) {
        pending.remove(key);
        delivered.add(key);
        record(DELIVERED, out -> out.writeLong(key));
    }

    /**
     * Makes every change so far durable: appends them to the journal and forces it to disk.
     *
     * @throws IOException if the journal cannot be written
     */
    public void checkpoint() throws IOException {
        if (file == null || journal.size() == 0) {
            journal.reset();
            return;
        }
        if (journalChannel == null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            journalChannel = FileChannel.open(
                    journalFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        ByteBuffer bytes = ByteBuffer.wrap(journal.toByteArray());
        while (bytes.hasRemaining()) {
            journalChannel.write(bytes);
        }
        journalChannel.force(false);
        journal.reset();
    }

    /**
     * Writes a new snapshot holding everything (temporary file, forced, renamed) and deletes the journal.
     *
     * @throws IOException if the snapshot cannot be written
     */
    public void compact() throws IOException {
        checkpoint();
        if (file == null) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        writeString(out, job);
        out.writeInt(objects.size());
        for (Map.Entry<String, Long> entry : objects.entrySet()) {
            writeString(out, entry.getKey());
            out.writeLong(entry.getValue());
            out.writeByte(missing.contains(entry.getKey()) ? 1 : 0);
        }
        writeKeys(out, delivered);
        writeKeys(out, pending);
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (FileChannel channel = FileChannel.open(
                partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        closeJournal();
        Files.deleteIfExists(journalFile);
    }

    @Override
    public void close() throws IOException {
        closeJournal();
    }

    /** Makes the rename durable where the platform allows forcing a directory (Linux, macOS; not Windows). */
    private void forceDirectory() {
        Path parent = file.toAbsolutePath().getParent();
        try (FileChannel directory = FileChannel.open(parent, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // the rename is still atomic; only its durability across a power cut is then the file system's
        }
    }

    private void closeJournal() throws IOException {
        if (journalChannel != null) {
            journalChannel.close();
            journalChannel = null;
        }
    }

    private void applyPut(String id, long fingerprint, boolean wasMissing) {
        objects.put(id, fingerprint);
        if (wasMissing) {
            missing.add(id);
        } else {
            missing.remove(id);
        }
    }

    private void readSnapshot() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 16) {
            throw damaged("it is too short");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
            throw damaged("its checksum does not match");
        }
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 8));
        if (in.readInt() != MAGIC) {
            throw damaged("it is not a push state file");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("The push state file " + file + " has format version " + version
                    + "; this version reads " + VERSION + ". Use the pendo-sync that wrote it, or start a new file");
        }
        checkJob(readString(in));
        for (int i = in.readInt(); i > 0; i--) {
            applyPut(readString(in), in.readLong(), in.readByte() == 1);
        }
        for (int i = in.readInt(); i > 0; i--) {
            delivered.add(in.readLong());
        }
        for (int i = in.readInt(); i > 0; i--) {
            pending.add(in.readLong());
        }
    }

    private void replayJournal() throws IOException {
        try (InputStream stream = Files.newInputStream(journalFile)) {
            DataInputStream in = new DataInputStream(stream);
            while (true) {
                int length;
                byte[] body;
                long crcValue;
                try {
                    length = in.readInt();
                    if (length < 1 || length > 1 << 20) {
                        return;
                    }
                    body = in.readNBytes(length);
                    crcValue = in.readLong();
                } catch (EOFException torn) {
                    return;
                }
                CRC32 crc = new CRC32();
                crc.update(body);
                if (body.length != length || crc.getValue() != crcValue) {
                    return; // a record torn by a crash: nothing after it was checkpointed
                }
                apply(new DataInputStream(new java.io.ByteArrayInputStream(body)));
            }
        }
    }

    private void apply(DataInputStream in) throws IOException {
        byte type = in.readByte();
        switch (type) {
            case PUT -> applyPut(readString(in), in.readLong(), in.readByte() == 1);
            case REMOVE -> {
                String id = readString(in);
                objects.remove(id);
                missing.remove(id);
            }
            case DELIVERED -> {
                long key = in.readLong();
                pending.remove(key);
                delivered.add(key);
            }
            case PENDING -> pending.add(in.readLong());
            case SETTLED -> pending.remove(in.readLong());
            default -> throw damaged("its journal holds an unknown record type " + type);
        }
    }

    private void checkJob(String stored) throws IOException {
        if (!stored.equals(job)) {
            throw new IOException("The push state file " + file + " was written for another job (" + stored
                    + "), not this one (" + job + "); give each job its own state file, or delete this one to"
                    + " start over (the next run then sends every row)");
        }
    }

    private IOException damaged(String why) {
        return new IOException("The push state file " + file + " is damaged: " + why + ". Delete it (and "
                + journalFile.getFileName() + ") to start over; the next run sends every row");
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private void record(byte type, Writer writer) {
        if (file == null) {
            return;
        }
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(body);
            out.writeByte(type);
            writer.write(out);
            byte[] bytes = body.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            DataOutputStream journalOut = new DataOutputStream(journal);
            journalOut.writeInt(bytes.length);
            journalOut.write(bytes);
            journalOut.writeLong(crc.getValue());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void writeKeys(DataOutputStream out, Set<Long> keys) throws IOException {
        out.writeInt(keys.size());
        for (long key : keys) {
            out.writeLong(key);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 20) {
            throw new IOException("a string of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
