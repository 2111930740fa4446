package io.jenkins.plugins.devspacebuild.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive lock on a cache document: an OS file lock on {@code <cache>.lock} beside it (other processes: a
 * second CLI run, another Jenkins build on the same workspace), plus an in-process lock per file (the OS lock is held
 * per process, so two engines in one JVM, such as a Jenkins agent, must also wait for each other). The lock file stays
 * on disk; it holds nothing.
 */
final class CacheFileLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private CacheFileLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileOf(Path cacheFile) {
        return cacheFile.resolveSibling(cacheFile.getFileName() + ".lock");
    }

    /** Waits for the lock; the cache's directory must exist. */
    static CacheFileLock acquire(Path cacheFile) throws IOException {
        Path lockFile = lockFileOf(cacheFile.toAbsolutePath().normalize());
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new CacheFileLock(local, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw new IOException("cannot lock " + lockFile + " (" + e.getMessage() + "); check that its directory is writable", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
