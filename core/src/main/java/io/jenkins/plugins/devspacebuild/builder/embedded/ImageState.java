package io.jenkins.plugins.devspacebuild.builder.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The image as the {@link DockerfileInterpreter} has it after each instruction: settings, filesystem and layers. */
final class ImageState {
    /** The PATH Docker gives an image that has none. */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    final ImageFilesystem fs;
    final List<LayerPlan> layers = new ArrayList<>();
    List<String> entrypoint;
    List<String> cmd;
    final Map<String, String> env = new LinkedHashMap<>();
    final Map<String, String> labels = new LinkedHashMap<>();
    String workdir;
    String user;
    final Set<String> ports = new LinkedHashSet<>();
    final Set<String> volumes = new LinkedHashSet<>();
    final List<String> shell;
    /** This stage's ARGs: name to value, null when declared without one. */
    Map<String, String> args = new LinkedHashMap<>();
    boolean cmdSet;

    ImageState(BaseImageConfig base, ImageFilesystem fs) {
        this.fs = fs;
        entrypoint = base.entrypoint();
        cmd = base.cmd();
        env.putAll(base.env());
        labels.putAll(base.labels());
        workdir = base.workingDir() == null || base.workingDir().isEmpty() ? null : base.workingDir();
        user = base.user() == null || base.user().isEmpty() ? null : base.user();
        ports.addAll(base.exposedPorts());
        volumes.addAll(base.volumes());
        shell = base.shell() == null ? DEFAULT_SHELL : base.shell();
        if (!env.containsKey("PATH")) {
            env.put("PATH", DEFAULT_PATH);
        }
    }

    /** Build arguments in scope overlaid by the environment (ENV wins, as in Docker). */
    Map<String, String> expansion() {
        Map<String, String> m = definedOnly(args);
        m.putAll(env);
        return m;
    }

    /** The arguments that have a value. */
    static Map<String, String> definedOnly(Map<String, String> args) {
        Map<String, String> m = new LinkedHashMap<>();
        args.forEach((k, v) -> {
            if (v != null) {
                m.put(k, v);
            }
        });
        return m;
    }

    /** {@code 80}, {@code 53/udp}, {@code 8000-8002/tcp}: every port it exposes, as {@code port/proto}. */
    static List<String> ports(String spec) {
        String port = spec;
        String proto = "tcp";
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            port = spec.substring(0, slash);
            proto = spec.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
        }
        if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
            throw new IllegalArgumentException("invalid protocol in " + spec + " (tcp, udp or sctp)");
        }
        int lo;
        int hi;
        try {
            int dash = port.indexOf('-');
            lo = Integer.parseInt(dash < 0 ? port : port.substring(0, dash));
            hi = dash < 0 ? lo : Integer.parseInt(port.substring(dash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port " + spec);
        }
        if (lo < 1 || hi > 65535 || hi < lo) {
            throw new IllegalArgumentException("invalid port range " + spec);
        }
        List<String> out = new ArrayList<>();
        for (int p = lo; p <= hi; p++) {
            out.add(p + "/" + proto);
        }
        return out;
    }
}
