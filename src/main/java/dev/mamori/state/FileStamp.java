package dev.mamori.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says about a file without reading it: size, modification time, change
 * time and file key (device and inode). Anyone can put an old modification time back
 * ({@code touch -d}); nobody but the kernel sets the change time, and a file replaced by another
 * gets a new inode. Equal stamps are the cheapest evidence that a file is the one judged before.
 *
 * @param size        bytes
 * @param mtimeMillis modification time
 * @param ctimeNanos  status change time (0 where the platform has none, e.g. Windows)
 * @param fileKey     a 64-bit digest of the platform's file key (0 where there is none)
 */
public record FileStamp(long size, long mtimeMillis, long ctimeNanos, long fileKey) {

    /**
     * The stamp of {@code file}, whose basic attributes were just read (the change time costs one
     * more stat, and only on platforms that have it).
     */
    public static FileStamp of(Path file, BasicFileAttributes attrs) throws IOException {
        long ctime = 0;
        try {
            ctime = ((FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS)).to(TimeUnit.NANOSECONDS);
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            // Windows: no change time; size, modification time and file key remain
        }
        Object key = attrs.fileKey();
        return new FileStamp(attrs.size(), attrs.lastModifiedTime().toMillis(), ctime, key == null ? 0 : digest(key.toString()));
    }

    /** The stamp of {@code file} as it is now. */
    public static FileStamp of(Path file) throws IOException {
        return of(file, Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }

    /** True when size and modification time agree: the cheap pre-check before the change time is read. */
    public boolean sameSizeAndTime(long size, long mtimeMillis) {
        return this.size == size && this.mtimeMillis == mtimeMillis;
    }

    /** 64-bit FNV-1a: stable across runs and JVMs, unlike {@code hashCode}. */
    static long digest(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A digest of the rule packs' names and versions, stored beside each verdict. */
    public static long packsDigest(String packs) {
        return digest(packs);
    }
}
