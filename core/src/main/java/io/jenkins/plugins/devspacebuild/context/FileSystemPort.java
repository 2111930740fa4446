package io.jenkins.plugins.devspacebuild.context;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The two file-system operations the context walk and hash depend on: {@code lstat} and opening a file to read it.
 * {@link #LOCAL} is the real file system; tests wrap it to count what is read.
 */
public interface FileSystemPort {

    /** The entry's status, links not followed. */
    FileStat lstat(Path path) throws IOException;

    /** Opens a regular file for reading. */
    FileChannel open(Path path) throws IOException;

    FileSystemPort LOCAL = new Local();

    /** The default file system: one {@code lstat} per entry through the "unix" attribute view where it exists. */
    final class Local implements FileSystemPort {
        private static final String UNIX = "unix:mode,ino,dev,size,lastModifiedTime,ctime";
        private volatile boolean unix = true;

        private Local() {
        }

        @Override
        public FileStat lstat(Path path) throws IOException {
            if (unix) {
                try {
                    Map<String, Object> a = Files.readAttributes(path, UNIX, LinkOption.NOFOLLOW_LINKS);
                    return new FileStat((Integer) a.get("mode"), (Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                            nanos((FileTime) a.get("ctime")), (Long) a.get("ino"), (Long) a.get("dev"));
                } catch (UnsupportedOperationException | IllegalArgumentException e) {
                    unix = false;
                }
            }
            BasicFileAttributes b;
            int perms;
            try {
                PosixFileAttributes p = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                b = p;
                perms = p.permissions().contains(PosixFilePermission.OWNER_EXECUTE) ? 0755 : 0644;
            } catch (UnsupportedOperationException e) {
                b = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                perms = b.isRegularFile() && Files.isExecutable(path) ? 0755 : 0644;
            }
            int type = b.isDirectory() ? FileStat.S_IFDIR : b.isSymbolicLink() ? FileStat.S_IFLNK : b.isRegularFile() ? FileStat.S_IFREG : 0;
            // no inode or ctime here: such a tuple never vouches for a file's content
            return new FileStat(type | perms, b.size(), nanos(b.lastModifiedTime()), -1, -1, -1);
        }

        @Override
        public FileChannel open(Path path) throws IOException {
            return FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        }

        private static long nanos(FileTime t) {
            return t.to(TimeUnit.NANOSECONDS);
        }
    }
}
