package io.github.pendoclient.track.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The track sender's durable spool: a directory of append-only files, one per sender that closed with events it had
 * not delivered. Each line is one event as it is sent ({@code crc32 flag json}, the flag {@code U} when an attempt
 * may have reached Pendo, else {@code N}); the shared secret is a request header and never written.
 *
 * <p>A sender built on the directory {@linkplain #load() loads} every file and sends its events first. Before it
 * sends any, it creates the file's journal ({@code <file>.sent}) and syncs it; each event it ends (delivered, failed,
 * or written to a new spool file) is appended to the journal, and a file whose events have all ended is deleted with
 * its journal. After a crash while draining, the next sender finds the journal: the events it does not list are sent
 * again and marked as possibly delivered, so duplicates stay among events counted as possible duplicates. A line cut
 * short by a crash while writing, or that fails its checksum, is skipped with a warning. One sender at a time uses a
 * directory ({@code .lock}).
 */
public final class Spool implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.pendoclient.track.TrackSender");
    private static final String SUFFIX = ".spool";
    private static final String JOURNAL_SUFFIX = ".sent";
    private static final AtomicLong NAMES = new AtomicLong();

    /**
     * One event read from the spool.
     *
     * @param json the request body, as it was sent
     * @param outcomeUnknown whether an earlier attempt may have reached Pendo
     * @param file the spool file it came from
     * @param offset where its line starts in that file
     */
    public record Record(String json, boolean outcomeUnknown, Path file, long offset) {}

    /**
     * One event to write.
     *
     * @param json the request body
     * @param outcomeUnknown whether an attempt may have reached Pendo
     */
    public record Entry(String json, boolean outcomeUnknown) {}

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<Path, Source> sources = new HashMap<>();

    /** A spool file being drained: its journal and how many of its events are still to end. */
    private static final class Source {
        final FileChannel journal;
        int remaining;

        Source(FileChannel journal, int remaining) {
            this.journal = journal;
            this.remaining = remaining;
        }
    }

    private Spool(Path directory, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens a spool directory, creating it if needed, for this sender alone.
     *
     * @param directory the directory
     * @return the spool
     * @throws IllegalStateException if another sender uses the directory
     * @throws UncheckedIOException if the directory cannot be created or locked
     */
    public static Spool open(Path directory) {
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException inThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another track sender uses the spool directory " + directory
                        + "; give each sender its own directory, or close the other sender first");
            }
            return new Spool(directory, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException(
                    "The spool directory " + directory + " cannot be created or locked (" + e.getMessage()
                            + "); check that it is a writable directory",
                    e);
        }
    }

    /**
     * The directory.
     *
     * @return the path
     */
    public Path directory() {
        return directory;
    }

    /**
     * Reads every spool file, oldest first, and starts the journal of each that still holds events; call once,
     * before sending.
     *
     * @return the events still to send, in the order they were written
     * @throws UncheckedIOException if a file cannot be read or its journal not written
     */
    public synchronized List<Record> load() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            listing.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("The spool directory " + directory + " cannot be listed", e);
        }
        files.sort(null);
        List<Record> records = new ArrayList<>();
        for (Path file : files) {
            try {
                records.addAll(load(file));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "The spool file " + file + " cannot be read (" + e.getMessage()
                                + "); its events stay in it for a later sender",
                        e);
            }
        }
        syncDirectory();
        return records;
    }

    private List<Record> load(Path file) throws IOException {
        Path journalFile = journalOf(file);
        boolean drainedBefore = Files.exists(journalFile);
        Set<Long> ended = drainedBefore ? readJournal(journalFile) : Set.of();
        byte[] bytes = Files.readAllBytes(file);
        List<Record> records = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                LOG.warn(
                        "Skipping the last record of spool file {} at byte {}: it is cut short ({} bytes without an"
                                + " end of line), as a crash while the spool was written leaves it; the {} records before it"
                                + " are kept",
                        file,
                        start,
                        bytes.length - start,
                        records.size());
                break;
            }
            Record record =
                    parse(file, start, new String(bytes, start, end - start, StandardCharsets.UTF_8), drainedBefore);
            if (record == null) {
                LOG.warn(
                        "Skipping a corrupt record of spool file {} at byte {} (its checksum or format does not"
                                + " match); the other records are kept",
                        file,
                        start);
            } else if (!ended.contains(record.offset())) {
                records.add(record);
            }
            start = end + 1;
        }
        if (records.isEmpty()) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(journalFile);
            return records;
        }
        FileChannel journal = FileChannel.open(
                journalFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        journal.force(true);
        sources.put(file, new Source(journal, records.size()));
        if (drainedBefore) {
            LOG.warn(
                    "Spool file {} was being sent by a sender that stopped without closing: its {} events not"
                            + " confirmed are sent again and counted as possible duplicates",
                    file,
                    records.size());
        }
        return records;
    }

    private static Record parse(Path file, long offset, String line, boolean drainedBefore) {
        if (line.length() < 12 || line.charAt(8) != ' ' || line.charAt(10) != ' ') {
            return null;
        }
        char flag = line.charAt(9);
        if (flag != 'U' && flag != 'N') {
            return null;
        }
        String json = line.substring(11);
        if (!line.substring(0, 8).equals(checksum(flag, json))) {
            return null;
        }
        return new Record(json, flag == 'U' || drainedBefore, file, offset);
    }

    private static Set<Long> readJournal(Path journal) throws IOException {
        Set<Long> ended = new HashSet<>();
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        int complete = text.lastIndexOf('\n');
        if (complete < 0) {
            return ended;
        }
        for (String line : text.substring(0, complete).split("\n")) {
            try {
                ended.add(Long.parseLong(line.trim()));
            } catch (NumberFormatException corrupt) {
                LOG.warn("Ignoring a corrupt line of spool journal {}; the event it names is sent again", journal);
            }
        }
        return ended;
    }

    /**
     * Records that an event read from the spool has ended (delivered, failed, or written to a new spool file), and
     * deletes its file once every event of it has ended. An I/O failure is logged: the event may then be sent again
     * by a later sender, counted as a possible duplicate.
     *
     * @param record the event
     */
    public synchronized void ended(Record record) {
        Source source = sources.get(record.file());
        if (source == null) {
            return;
        }
        try {
            source.journal.write(ByteBuffer.wrap((record.offset() + "\n").getBytes(StandardCharsets.US_ASCII)));
            if (--source.remaining == 0) {
                source.journal.close();
                sources.remove(record.file());
                Files.deleteIfExists(record.file());
                Files.deleteIfExists(journalOf(record.file()));
            }
        } catch (IOException e) {
            LOG.warn(
                    "Could not record in the journal of spool file {} that an event ended ({}); a later sender may"
                            + " send it again and count it as a possible duplicate",
                    record.file(),
                    e.getMessage());
        }
    }

    /**
     * Appends events to a new spool file and syncs it to disk before returning.
     *
     * @param entries the events
     * @throws IOException if they could not all be written and synced
     */
    public synchronized void write(List<Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        Path file = directory.resolve(String.format(
                Locale.ROOT,
                "track-%013d-%06d-%d%s",
                System.currentTimeMillis(),
                ProcessHandle.current().pid() % 1_000_000,
                NAMES.incrementAndGet(),
                SUFFIX));
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            for (Entry entry : entries) {
                char flag = entry.outcomeUnknown() ? 'U' : 'N';
                buffer.writeBytes((checksum(flag, entry.json()) + " " + flag + " " + entry.json() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                if (buffer.size() >= 1 << 16) {
                    writeFully(out, buffer);
                }
            }
            writeFully(out, buffer);
            out.force(true);
        }
        syncDirectory();
    }

    private static void writeFully(FileChannel out, ByteArrayOutputStream buffer) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer.toByteArray());
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
        buffer.reset();
    }

    /** Syncs the journals and releases the directory; events not yet ended stay in their files. */
    @Override
    public synchronized void close() {
        for (Source source : sources.values()) {
            try {
                source.journal.force(true);
            } catch (IOException e) {
                LOG.warn("Could not sync a spool journal in {} ({})", directory, e.getMessage());
            }
            closeQuietly(source.journal);
        }
        sources.clear();
        try {
            lock.release();
        } catch (IOException ignored) {
            // The lock goes with the channel.
        }
        closeQuietly(lockChannel);
    }

    /** Makes new and deleted file names durable, where the platform allows it. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Some platforms cannot open or sync a directory; the files themselves are synced.
        }
    }

    private static Path journalOf(Path file) {
        return file.resolveSibling(file.getFileName() + JOURNAL_SUFFIX);
    }

    private static String checksum(char flag, String json) {
        CRC32 crc = new CRC32();
        crc.update((flag + " " + json).getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // Nothing more to do.
            }
        }
    }
}
