package io.jenkins.plugins.devspacebuild.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The per-file digest of a build context: git's blob id of the content, {@code H("blob " + size + "\0" + content)},
 * in a repository's object format. The same digest whether it comes from the stat cache, from git's index or from
 * reading the file, so the context hash never depends on how it was obtained. A context inside a SHA-256 repository
 * ({@code extensions.objectFormat = sha256}) uses SHA-256 blob ids; every other context, inside a repository or not,
 * SHA-1 blob ids (git's default format).
 */
public enum ObjectFormat {
    SHA1("SHA-1", 20),
    SHA256("SHA-256", 32);

    private final String algorithm;
    private final int length;

    ObjectFormat(String algorithm, int length) {
        this.algorithm = algorithm;
        this.length = length;
    }

    /** Bytes of a digest. */
    public int length() {
        return length;
    }

    /** The format of a digest, from its length; null for neither. */
    public static ObjectFormat ofLength(int length) {
        return length == 20 ? SHA1 : length == 32 ? SHA256 : null;
    }

    /** A digest that has taken the blob header for {@code size} bytes: update it with the content, then digest. */
    public MessageDigest blobDigest(long size) {
        MessageDigest md = newDigest();
        startBlob(md, size);
        return md;
    }

    /** Resets a digest of this format and feeds it the blob header for {@code size} bytes. */
    public void startBlob(MessageDigest md, long size) {
        md.reset();
        md.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no " + algorithm, e);
        }
    }

    /** The blob id of a byte array. */
    public byte[] blobId(byte[] content) {
        MessageDigest md = blobDigest(content.length);
        return md.digest(content);
    }
}
