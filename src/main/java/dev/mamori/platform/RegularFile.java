package dev.mamori.platform;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a file for reading only when it is a regular file, and checks that on what was opened, so
 * that a file swapped between the check and the open (by a user who can write the folder) is never
 * read in its place: a symbolic link is refused by the open itself ({@code O_NOFOLLOW}); a FIFO,
 * socket or terminal cannot seek; and the path must still name the file that was checked (same
 * file key) once it is open. The open is bounded in time: opening a FIFO blocks until someone
 * writes to it, and such an open is given up (its thread, one of a few, stays parked until then).
 */
public final class RegularFile {

    /** What was to be read is not a regular file, or was replaced while it was opened. */
    public static final class NotRegularException extends IOException {
        NotRegularException(String message) {
            super(message);
        }
    }

    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);
    /** Opens that may hang at once (FIFOs swapped in): beyond, files are refused until one returns. */
    static final int MAX_HANGING_OPENS = 4;

    private static final ThreadPoolExecutor OPENERS = new ThreadPoolExecutor(0, MAX_HANGING_OPENS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "mamori-open");
                t.setDaemon(true);
                return t;
            });

    private RegularFile() {
    }

    /** The file, opened at its start; the caller closes it. */
    public static SeekableByteChannel open(Path file) throws IOException {
        return open(file, false);
    }

    /**
     * @param throughOwnLink the path is a link this process made to reach a file by another name
     *                       (a name the platform cannot decode): it is followed, and the file it
     *                       leads to must be regular
     */
    public static SeekableByteChannel open(Path file, boolean throughOwnLink) throws IOException {
        LinkOption[] how = throughOwnLink ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class, how);
        if (!before.isRegularFile()) {
            throw new NotRegularException("not a regular file (" + kind(before) + "): never opened");
        }
        return openChecked(file, throughOwnLink, before, OPEN_TIMEOUT);
    }

    /**
     * The open after the check: {@code before} is what the check saw. Tests swap the file between
     * the two, as a hostile user would.
     */
    static SeekableByteChannel openChecked(Path file, boolean throughOwnLink, BasicFileAttributes before, Duration timeout)
            throws IOException {
        LinkOption[] how = throughOwnLink ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        SeekableByteChannel channel = timedOpen(file, throughOwnLink, timeout);
        try {
            channel.position(0); // a FIFO, socket or terminal cannot seek
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class, how);
            if (!after.isRegularFile() || !Objects.equals(before.fileKey(), after.fileKey())) {
                throw new NotRegularException("replaced while it was being opened: not read");
            }
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e instanceof NotRegularException ? e : new NotRegularException("not a regular file once opened: " + e.getMessage());
        }
    }

    private static SeekableByteChannel timedOpen(Path file, boolean followLinks, Duration timeout) throws IOException {
        OpenOption[] options = followLinks ? new OpenOption[] {StandardOpenOption.READ}
                : new OpenOption[] {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS};
        java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
        Future<SeekableByteChannel> opening;
        try {
            opening = OPENERS.submit(() -> {
                SeekableByteChannel ch = Files.newByteChannel(file, options);
                if (abandoned.get()) { // given up on meanwhile: nobody will close it but us
                    ch.close();
                }
                return ch;
            });
        } catch (RejectedExecutionException e) {
            throw new NotRegularException(MAX_HANGING_OPENS + " opens of files that never answered are still waiting: not opened");
        }
        try {
            return opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // an open that hangs is not a regular file's (a FIFO swapped in); if it ever returns, it closes itself
            abandoned.set(true);
            if (opening.isDone()) {
                closeQuietly(opening);
            }
            throw new NotRegularException("did not open within " + timeout.toMillis() + " ms (a FIFO?): not read");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                if (String.valueOf(io.getMessage()).contains("symbolic link")) { // ELOOP from O_NOFOLLOW
                    throw new NotRegularException("replaced by a symbolic link while it was being opened: never followed");
                }
                throw io;
            }
            throw new IOException("cannot open: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opening.cancel(true);
            throw new java.io.InterruptedIOException("interrupted while opening");
        }
    }

    private static void closeQuietly(Future<SeekableByteChannel> opened) {
        try {
            opened.get().close();
        } catch (Exception ignored) {
            // it failed after all: nothing to close
        }
    }

    private static String kind(BasicFileAttributes a) {
        return a.isSymbolicLink() ? "a symbolic link" : a.isDirectory() ? "a folder" : "a device, FIFO or socket";
    }
}
