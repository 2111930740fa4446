package io.jenkins.plugins.devspacebuild.builder.embedded;

import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryAuthenticationFailedException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/** Reads what went wrong in jib: a refused login, a transient network or server failure, or something else. */
public final class JibFailures {

    /** How a failure is treated. */
    public enum Kind { AUTH, TRANSIENT, INSECURE, PERMANENT }

    /**
     * @param kind     how to treat it
     * @param registry the registry the failure is about, when known (from the refused repository)
     * @param message  what happened, without jib's "file an issue" advice
     */
    public record Failure(Kind kind, String registry, String message) {
    }

    private JibFailures() {
    }

    public static Failure classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryUnauthorizedException u) {
                String ref = u.getImageReference();
                int slash = ref == null ? -1 : ref.indexOf('/');
                return new Failure(Kind.AUTH, slash < 0 ? null : ref.substring(0, slash), "unauthorized for " + ref);
            }
            if (t instanceof RegistryAuthenticationFailedException) {
                return new Failure(Kind.AUTH, null, clean(t.getMessage()));
            }
            if (t instanceof InsecureRegistryException) {
                return new Failure(Kind.INSECURE, null, clean(t.getMessage()));
            }
        }
        String root = rootMessage(e);
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof NoRouteToHostException
                    || t.getClass().getSimpleName().equals("NoHttpResponseException")
                    || (t instanceof SocketException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("reset"))) {
                return new Failure(Kind.TRANSIENT, null, root);
            }
        }
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT) + " " + root.toLowerCase(Locale.ROOT);
        if (m.contains("unauthorized") || m.contains("401 ") || m.contains("403 forbidden") || m.contains("denied: ")) {
            return new Failure(Kind.AUTH, null, root);
        }
        if (m.contains(" 500 ") || m.contains(" 502 ") || m.contains(" 503 ") || m.contains(" 504 ") || m.contains("internal server error")
                || m.contains("bad gateway") || m.contains("service unavailable") || m.contains("gateway timeout")
                || m.contains("connection reset") || m.contains("connection refused") || m.contains("too many requests")) {
            return new Failure(Kind.TRANSIENT, null, root);
        }
        return new Failure(Kind.PERMANENT, null, root);
    }

    /** Whether the failure is jib noticing a cancellation. */
    static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message worth showing, jib's boilerplate removed. */
    public static String rootMessage(Throwable e) {
        String best = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                best = m;
            }
        }
        return best == null ? e.getClass().getSimpleName() : clean(best);
    }

    private static String clean(String m) {
        if (m == null) {
            return "";
        }
        int advice = m.indexOf(" | If this is a bug");
        String s = advice >= 0 ? m.substring(0, advice) : m;
        // one line: the HTTP client puts the request on a second line ("503 Service Unavailable\nGET http://...")
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
