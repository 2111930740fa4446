package io.jenkins.plugins.devspacebuild.context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks that content sent is what was hashed: a digest primed with git's blob header, in the format of the expected
 * blob id (20 bytes: SHA-1, 32 bytes: SHA-256). See {@code cache.ObjectFormat}, which computes the ids.
 */
public final class BlobCheck {
    private BlobCheck() {
    }

    /** A digest that has taken {@code "blob <size>\0"}: update it with the content, then compare with {@code expected}. */
    public static MessageDigest start(byte[] expected, long size) {
        String algorithm = switch (expected.length) {
            case 20 -> "SHA-1";
            case 32 -> "SHA-256";
            default -> throw new IllegalArgumentException("not a blob id: " + expected.length + " bytes");
        };
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
            return md;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no " + algorithm, e);
        }
    }
}
