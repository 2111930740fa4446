package io.jenkins.plugins.devspacebuild.cache;

/** Step 4c: the skip decision for one image, with the reason a person can act on. */
public sealed interface Decision permits Decision.Build, Decision.Skip {

    /** A short text: "forced", "context changed: src/ (+1 more)", "unchanged since ...". */
    String reason();

    boolean isBuild();

    /** Why an image is built. */
    enum Reason {
        FORCED("forced"),
        REBUILD_ALWAYS("rebuildStrategy always"),
        NO_EARLIER_BUILD("no earlier build"),
        CACHE_FORMAT_CHANGED("cache format changed"),
        DOCKERFILE_CHANGED("Dockerfile changed"),
        CONFIG_CHANGED("build config changed"),
        CONTEXT_CHANGED("context changed"),
        IMAGE_MISSING("image missing");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * The image is built.
     *
     * @param why    the reason
     * @param detail more detail (e.g. the changed paths), or null
     */
    record Build(Reason why, String detail) implements Decision {
        @Override
        public String reason() {
            return detail == null || detail.isEmpty() ? why.text() : why.text() + ": " + detail;
        }

        @Override
        public boolean isBuild() {
            return true;
        }
    }

    /**
     * The image is skipped: nothing changed since {@code previous} was built.
     */
    record Skip(CacheEntry previous) implements Decision {
        @Override
        public String reason() {
            return "unchanged since " + previous.builtAt();
        }

        @Override
        public boolean isBuild() {
            return false;
        }
    }
}
