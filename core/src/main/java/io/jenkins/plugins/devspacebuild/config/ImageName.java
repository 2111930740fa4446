package io.jenkins.plugins.devspacebuild.config;

import java.util.regex.Pattern;

/**
 * An image reference as written in {@code images.<key>.image}: {@code [registry/]path[:tag]}.
 * <p>{@link #repository()} is kept as the user wrote it (what is tagged and published);
 * {@link #registry()} and {@link #path()} are Docker's normalised form: no registry means Docker Hub
 * ({@code docker.io}), and a single-name path on Docker Hub gets {@code library/}.
 */
public record ImageName(String repository, String registry, String path, String tag) {

    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern HOST = Pattern.compile("(?:[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?");

    /**
     * Parses a reference. Returns a problem description through the exception message when it is not a valid image
     * name, so the caller can attach the file location.
     */
    public static ImageName parse(String reference) {
        String ref = reference.trim();
        if (ref.isEmpty()) {
            throw new IllegalArgumentException("the image name is empty");
        }
        if (ref.contains("@")) {
            throw new IllegalArgumentException("'" + ref + "' contains a digest (@...); give a repository, optionally with a tag");
        }
        String tag = null;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        if (colon > slash) {
            tag = ref.substring(colon + 1);
            ref = ref.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("tag '" + tag + "' is not valid: use letters, digits, '_', '.' and '-' (at most 128, not starting with '.' or '-')");
            }
        }
        String registry;
        String path;
        int first = ref.indexOf('/');
        String head = first < 0 ? null : ref.substring(0, first);
        if (head != null && (head.contains(".") || head.contains(":") || head.equals("localhost") || head.startsWith("["))) {
            if (!HOST.matcher(head).matches()) {
                throw new IllegalArgumentException("registry host '" + head + "' is not valid");
            }
            registry = head;
            path = ref.substring(first + 1);
        } else {
            registry = DOCKER_HUB;
            path = ref;
        }
        if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
            registry = DOCKER_HUB;
        }
        for (String component : path.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw new IllegalArgumentException("repository '" + path + "' is not valid: each part between '/' must be lower case letters and digits, "
                        + "separated by '.', '_', '__' or '-'");
            }
        }
        if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        return new ImageName(ref, registry, path, tag);
    }

    /** {@code repository:tag}, with the repository as written. */
    public String withTag(String t) {
        return repository + ":" + t;
    }

    public boolean isDockerHub() {
        return DOCKER_HUB.equals(registry);
    }
}
