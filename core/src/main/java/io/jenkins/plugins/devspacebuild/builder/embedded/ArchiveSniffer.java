package io.jenkins.plugins.devspacebuild.builder.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Decides, by content as Docker does, whether an ADD source is an archive Docker would extract: a tar, plain or
 * compressed. gzip and bzip2 are opened and their first block checked; xz and zstd are taken as archives without
 * looking further (Docker extracts them too, and the embedded builder rejects archives either way).
 */
final class ArchiveSniffer {
    private static final int BLOCK = 512;

    private ArchiveSniffer() {
    }

    static boolean isArchive(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS))) {
            raw.mark(8);
            byte[] magic = raw.readNBytes(6);
            raw.reset();
            if (starts(magic, 0x1f, 0x8b)) {
                return tarHeader(() -> new GZIPInputStream(raw));
            }
            if (starts(magic, 'B', 'Z', 'h')) {
                return tarHeader(() -> new BZip2CompressorInputStream(raw));
            }
            if (starts(magic, 0xfd, '7', 'z', 'X', 'Z', 0x00) || starts(magic, 0x28, 0xb5, 0x2f, 0xfd)) {
                return true;
            }
            return isTarHeader(raw.readNBytes(BLOCK));
        }
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static boolean tarHeader(Opener opener) {
        try (InputStream in = opener.open()) {
            return isTarHeader(in.readNBytes(BLOCK));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean starts(byte[] data, int... expected) {
        if (data.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** A tar header: a full block whose checksum field matches its bytes (signed or unsigned sum, as Go accepts). */
    static boolean isTarHeader(byte[] h) {
        if (h.length < BLOCK) {
            return false;
        }
        String field = new String(h, 148, 8, java.nio.charset.StandardCharsets.US_ASCII).replace('\0', ' ').strip();
        if (field.isEmpty()) {
            return false;
        }
        long recorded;
        try {
            recorded = Long.parseLong(field, 8);
        } catch (NumberFormatException e) {
            return false;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : h[i];
            unsigned += b & 0xff;
            signed += (byte) b;
        }
        return recorded == unsigned || recorded == signed;
    }
}
