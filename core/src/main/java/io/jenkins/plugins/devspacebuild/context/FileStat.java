package io.jenkins.plugins.devspacebuild.context;

/**
 * What one {@code lstat} says about a directory entry: enough to tell its type and executable bit, and, for files, the
 * tuple a stat cache or git's index compares to decide that a file is unchanged without reading it.
 *
 * @param mode    the POSIX {@code st_mode} (type and permission bits)
 * @param size    length in bytes
 * @param mtimeNs modification time, nanoseconds since the epoch
 * @param ctimeNs status change time, nanoseconds since the epoch; -1 when the file system does not tell
 * @param inode   the inode number; -1 when the file system does not tell (then nothing is vouched for)
 * @param device  the device number; -1 when unknown
 */
public record FileStat(int mode, long size, long mtimeNs, long ctimeNs, long inode, long device) {
    static final int S_IFMT = 0170000;
    static final int S_IFREG = 0100000;
    static final int S_IFDIR = 0040000;
    static final int S_IFLNK = 0120000;

    public boolean isRegularFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isSymbolicLink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    /** The owner-executable bit. */
    public boolean ownerExecutable() {
        return (mode & 0100) != 0;
    }

    /** Whether the tuple identifies a file version well enough to vouch for its content (inode and ctime known). */
    public boolean complete() {
        return inode >= 0 && ctimeNs >= 0;
    }

    // written out: a record's generated equals/hashCode bootstrap method handles on first use, which a short CLI run pays for
    @Override
    public boolean equals(Object o) {
        return o instanceof FileStat s && mode == s.mode && size == s.size && mtimeNs == s.mtimeNs && ctimeNs == s.ctimeNs && inode == s.inode
                && device == s.device;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(mtimeNs) * 31 + Long.hashCode(inode);
    }

    /** The later of modification and status change time. */
    public long changedNs() {
        return Math.max(mtimeNs, ctimeNs);
    }
}
