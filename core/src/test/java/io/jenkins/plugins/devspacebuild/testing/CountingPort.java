package io.jenkins.plugins.devspacebuild.testing;

import io.jenkins.plugins.devspacebuild.context.FileStat;
import io.jenkins.plugins.devspacebuild.context.FileSystemPort;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real file system, recording every file opened for reading. With {@code secondsOnly} it reports timestamps cut to
 * whole seconds, as a file system with one-second timestamps would.
 */
public final class CountingPort implements FileSystemPort {
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private final boolean secondsOnly;

    public CountingPort() {
        this(false);
    }

    public CountingPort(boolean secondsOnly) {
        this.secondsOnly = secondsOnly;
    }

    @Override
    public FileStat lstat(Path path) throws IOException {
        FileStat s = LOCAL.lstat(path);
        if (!secondsOnly) {
            return s;
        }
        return new FileStat(s.mode(), s.size(), s.mtimeNs() / 1_000_000_000L * 1_000_000_000L, s.ctimeNs() / 1_000_000_000L * 1_000_000_000L,
                s.inode(), s.device());
    }

    @Override
    public FileChannel open(Path path) throws IOException {
        opened.add(path);
        return LOCAL.open(path);
    }

    /** The files read since the last call, as paths relative to {@code root} ('/'-separated), and forgets them. */
    public List<String> takeReads(Path root) {
        List<String> out = opened.stream().map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        opened.clear();
        return out;
    }
}
