package io.jenkins.plugins.devspacebuild.tag;

import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Step 6: the tags an image gets. An override (--tag, the step's {@code tags}) wins for every image; else the image's
 * tags ({@code image: repo:tag} first, then {@code tags}); else DevSpace's default, a random string of 5 characters.
 * In every tag each {@code #} becomes one random character. Characters are lower case letters and digits.
 */
public final class TagResolver {
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    static final int DEFAULT_LENGTH = 5;

    private final RandomGenerator random;

    public TagResolver() {
        this(new SecureRandom());
    }

    public TagResolver(RandomGenerator random) {
        this.random = random;
    }

    public List<String> resolve(ImageConfig image, List<String> override) {
        List<String> templates = !override.isEmpty() ? override : image.tags();
        if (templates.isEmpty()) {
            return List.of(randomString(DEFAULT_LENGTH));
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : templates) {
            out.add(fill(t));
        }
        return new ArrayList<>(out);
    }

    String fill(String template) {
        if (template.indexOf('#') < 0) {
            return template;
        }
        StringBuilder sb = new StringBuilder(template.length());
        for (char c : template.toCharArray()) {
            sb.append(c == '#' ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : c);
        }
        return sb.toString();
    }

    String randomString(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
