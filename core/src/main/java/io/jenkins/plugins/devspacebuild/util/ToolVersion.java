package io.jenkins.plugins.devspacebuild.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build of devspace-build's version, from the core jar's Maven metadata; "development" when run from classes. */
public final class ToolVersion {
    private static final String POM_PROPERTIES = "/META-INF/maven/io.jenkins.plugins/devspace-build-core/pom.properties";
    private static final String VERSION = read();

    private ToolVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = ToolVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        String v = ToolVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "development" : v;
    }
}
