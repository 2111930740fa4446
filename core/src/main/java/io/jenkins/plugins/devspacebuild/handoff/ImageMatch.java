package io.jenkins.plugins.devspacebuild.handoff;

import io.jenkins.plugins.devspacebuild.config.ImageName;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a string value of a YAML file refers to an image, with DevSpace's rules: the whole value (trimmed) is an image
 * reference, with or without a tag or digest, whose repository is one of the built images' once both are normalised
 * the Docker way ({@code nginx} = {@code docker.io/library/nginx}); or {@code image(REF)} (replaced by the repository
 * alone) or {@code tag(REF)} (replaced by the tag alone), quotes around REF allowed.
 *
 * @param form       what the value asks for
 * @param repository the repository part of the value as written (without tag or digest)
 * @param normalized the registry and path in Docker's normalised form, the key compared with built images
 */
record ImageMatch(Form form, String repository, String normalized) {

    enum Form { REFERENCE, IMAGE_ONLY, TAG_ONLY }

    private static final Pattern IMAGE_FN = Pattern.compile("^image\\(\"?'?([^)\"']+)\"?'?\\)$");
    private static final Pattern TAG_FN = Pattern.compile("^tag\\(\"?'?([^)\"']+)\"?'?\\)$");

    /** The image a value names, or null when it is not an image reference. */
    static ImageMatch of(String value) {
        String v = value.trim();
        Form form = Form.REFERENCE;
        Matcher m = IMAGE_FN.matcher(v);
        if (m.matches()) {
            form = Form.IMAGE_ONLY;
            v = m.group(1).trim();
        } else if ((m = TAG_FN.matcher(v)).matches()) {
            form = Form.TAG_ONLY;
            v = m.group(1).trim();
        }
        String repository = normalizedKey(v);
        if (repository == null) {
            return null;
        }
        int at = v.indexOf('@');
        String noDigest = at < 0 ? v : v.substring(0, at);
        ImageName name = ImageName.parse(noDigest);
        return new ImageMatch(form, name.repository(), repository);
    }

    /** {@code registry/path} of a reference (tag and digest dropped), or null when it is not a valid image reference. */
    static String normalizedKey(String reference) {
        String v = reference.trim();
        int at = v.indexOf('@');
        if (at >= 0) {
            if (!v.substring(at + 1).matches("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}")) {
                return null;
            }
            v = v.substring(0, at);
        }
        try {
            ImageName name = ImageName.parse(v);
            return name.registry() + "/" + name.path();
        } catch (IllegalArgumentException notAnImage) {
            return null;
        }
    }

    /** The value that replaces this one for a built image. */
    String replacement(BuiltImage image, boolean withDigest) {
        return switch (form) {
            case IMAGE_ONLY -> repository;
            case TAG_ONLY -> image.tag();
            case REFERENCE -> repository + ":" + image.tag() + (withDigest && image.digest() != null ? "@" + image.digest() : "");
        };
    }
}
