package io.jenkins.plugins.devspacebuild.builder.embedded;

/**
 * The owner and mode of files a COPY or ADD writes, from its {@code --chown} and {@code --chmod} flags (expanded).
 *
 * @param uid   the owner's user id (0 without --chown)
 * @param gid   the owner's group id (the uid when only a user is given)
 * @param chmod the mode, or null to keep the files' own
 */
record CopyOwnership(int uid, int gid, Integer chmod) {

    /**
     * @param owner {@code --chown}'s value or null; the embedded builder needs numeric ids
     * @param mode  {@code --chmod}'s value or null; an octal mode
     * @throws IllegalArgumentException with the message to report, naming the flag and what to do
     */
    static CopyOwnership parse(String owner, String mode) {
        int uid = 0;
        int gid = 0;
        if (owner != null) {
            if (!SupportCheck.NUMERIC_OWNER.matcher(owner).matches()) {
                throw new IllegalArgumentException("--chown=" + owner + ": the embedded builder needs numeric ids (--chown=1000:1000): it does "
                        + "not read the image's /etc/passwd; use ids, or the docker or kaniko builder");
            }
            String[] parts = owner.split(":");
            uid = id(parts[0]);
            gid = parts.length > 1 ? id(parts[1]) : uid;
        }
        Integer chmod = null;
        if (mode != null) {
            if (!SupportCheck.OCTAL.matcher(mode).matches()) {
                throw new IllegalArgumentException("--chmod=" + mode + ": the embedded builder needs an octal mode such as 0755");
            }
            chmod = Integer.parseInt(mode, 8);
        }
        return new CopyOwnership(uid, gid, chmod);
    }

    private static int id(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--chown id " + s + " is too large");
        }
    }
}
