package io.jenkins.plugins.devspacebuild.testing;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.jenkins.plugins.devspacebuild.cluster.ClusterConnection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kubernetes API for tests: fabric8's mock server in CRUD mode, plus what CRUD mode cannot do: exec (the context
 * upload, captured as the tar bytes it receives), container logs, and a "kubelet" thread that moves build pods through
 * their lives as the {@link Scenario} says. No real cluster can run on this machine; this is the closest stand-in.
 */
public final class FakeCluster implements AutoCloseable {
    public static final String NAMESPACE = "test";

    /** How build pods behave. Mutable: tests set it before the build. */
    public static final class Scenario {
        public volatile String initWaitingReason;
        public volatile String kanikoWaitingReason;
        public volatile int kanikoExitCode;
        public volatile String kanikoReason;
        public volatile String terminationMessage = "sha256:" + "ab".repeat(32);
        public volatile String logs = "INFO[0000] Retrieving image manifest\nINFO[0001] Pushing image\n";
        public volatile boolean neverFinish;
        public volatile boolean evict;
        public volatile int uploadExitCode;
    }

    public final Scenario scenario = new Scenario();
    /** The tar bytes each pod received through exec, by pod name. */
    public final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    /** Every pod ever created, as created (spec, labels), by name. */
    public final Map<String, Pod> createdPods = new ConcurrentHashMap<>();
    /** Request lines the dispatcher saw, for assertions. */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** Answer the next N service account updates with 409 Conflict. */
    public final AtomicInteger conflictsToInject = new AtomicInteger();

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Thread kubelet;
    private volatile boolean running = true;

    public FakeCluster() {
        KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                requests.add(request.getMethod() + " " + path);
                if (path.contains("/exec?")) {
                    return exec(podName(path));
                }
                if (path.contains("/log?")) {
                    return new MockResponse().setResponseCode(200).setBody(scenario.logs);
                }
                if (request.getMethod().equals("PUT") && path.contains("/serviceaccounts/") && conflictsToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return new MockResponse().setResponseCode(409).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                            + "\"message\":\"Operation cannot be fulfilled: the object has been modified\",\"reason\":\"Conflict\",\"code\":409}");
                }
                return crud.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        client = server.createClient();
        client.serviceAccounts().inNamespace(NAMESPACE).resource(new ServiceAccountBuilder().withNewMetadata().withName("default")
                .withNamespace(NAMESPACE).endMetadata().build()).create();
        kubelet = new Thread(this::kubeletLoop, "fake-kubelet");
        kubelet.setDaemon(true);
        kubelet.start();
    }

    public KubernetesClient client() {
        return client;
    }

    public ClusterConnection connection() {
        return new ClusterConnection(server.createClient(), NAMESPACE, "the fake cluster", List.of("default"));
    }

    private static String podName(String path) {
        String p = path.substring(path.indexOf("/pods/") + 6);
        return p.substring(0, p.indexOf('/'));
    }

    /** Accepts stdin (channel 0) until the tar archive is complete, then reports the exit status on channel 3. */
    private MockResponse exec(String pod) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onMessage(WebSocket ws, ByteString bytes) {
                onMessage(ws, bytes.toByteArray());
            }

            @Override
            public void onMessage(WebSocket ws, byte[] bytes) {
                if (bytes.length == 0 || bytes[0] != 0) {
                    return;
                }
                synchronized (received) {
                    received.write(bytes, 1, bytes.length - 1);
                    if (!uploads.containsKey(pod) && TarCheck.complete(received.toByteArray())) {
                        uploads.put(pod, received.toByteArray());
                        String status = scenario.uploadExitCode == 0 ? "{\"metadata\":{},\"status\":\"Success\"}"
                                : "{\"metadata\":{},\"status\":\"Failure\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\","
                                + "\"message\":\"" + scenario.uploadExitCode + "\"}]}}";
                        byte[] json = status.getBytes(StandardCharsets.UTF_8);
                        byte[] frame = new byte[json.length + 1];
                        frame[0] = 3;
                        System.arraycopy(json, 0, frame, 1, json.length);
                        ws.send(frame);
                        ws.close(1000, "done");
                    }
                }
            }
        });
    }

    /** Moves every build pod along: init running, then (after its upload) kaniko running, then kaniko done. */
    private void kubeletLoop() {
        while (running) {
            try {
                for (Pod p : client.pods().inNamespace(NAMESPACE).list().getItems()) {
                    createdPods.putIfAbsent(p.getMetadata().getName(), p);
                    advance(p);
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the server is shutting down, or a pod was deleted meanwhile
            }
        }
    }

    private void advance(Pod p) {
        String name = p.getMetadata().getName();
        String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            return;
        }
        String initImage = p.getSpec().getInitContainers().get(0).getImage();
        String kanikoImage = p.getSpec().getContainers().get(0).getImage();
        List<ContainerStatus> init = new ArrayList<>();
        List<ContainerStatus> main = new ArrayList<>();
        String newPhase;
        String reason = null;
        if (scenario.evict && phase != null) {
            updateStatus(p, "Failed", "Evicted", List.of(), List.of());
            return;
        }
        if (!uploads.containsKey(name)) {
            init.add(status("context", initImage, scenario.initWaitingReason == null ? running() : waiting(scenario.initWaitingReason)));
            main.add(status("kaniko", kanikoImage, waiting("PodInitializing")));
            newPhase = "Pending";
        } else if (scenario.kanikoWaitingReason != null) {
            init.add(status("context", initImage, terminated(0, "Completed", null)));
            main.add(status("kaniko", kanikoImage, waiting(scenario.kanikoWaitingReason)));
            newPhase = "Pending";
        } else if ("Pending".equals(phase) || phase == null || scenario.neverFinish) {
            init.add(status("context", initImage, terminated(0, "Completed", null)));
            main.add(status("kaniko", kanikoImage, running()));
            newPhase = "Running";
        } else {
            init.add(status("context", initImage, terminated(0, "Completed", null)));
            boolean ok = scenario.kanikoExitCode == 0;
            main.add(status("kaniko", kanikoImage, terminated(scenario.kanikoExitCode, scenario.kanikoReason != null ? scenario.kanikoReason
                    : ok ? "Completed" : "Error", ok ? scenario.terminationMessage : "error building image: exit status 1")));
            newPhase = ok ? "Succeeded" : "Failed";
        }
        updateStatus(p, newPhase, reason, init, main);
    }

    private void updateStatus(Pod p, String phase, String reason, List<ContainerStatus> init, List<ContainerStatus> main) {
        p.setStatus(new PodStatusBuilder().withPhase(phase).withReason(reason).withMessage(reason == null ? null : "The node was low on resource: memory.")
                .withInitContainerStatuses(init).withContainerStatuses(main).build());
        client.pods().inNamespace(NAMESPACE).resource(p).updateStatus();
    }

    private static ContainerStatus status(String name, String image, io.fabric8.kubernetes.api.model.ContainerState state) {
        return new ContainerStatusBuilder().withName(name).withImage(image).withState(state).build();
    }

    private static io.fabric8.kubernetes.api.model.ContainerState running() {
        return new ContainerStateBuilder().withNewRunning().withStartedAt("2026-01-01T00:00:00Z").endRunning().build();
    }

    private static io.fabric8.kubernetes.api.model.ContainerState waiting(String reason) {
        return new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(reason.equals("PodInitializing") ? null
                : "Back-off pulling image").endWaiting().build();
    }

    private static io.fabric8.kubernetes.api.model.ContainerState terminated(int code, String reason, String message) {
        return new ContainerStateBuilder().withNewTerminated().withExitCode(code).withReason(reason).withMessage(message).endTerminated().build();
    }

    @Override
    public void close() {
        running = false;
        kubelet.interrupt();
        client.close();
        server.destroy();
    }

    /** Whether bytes hold a whole tar archive: entries, then two zero blocks. */
    static final class TarCheck {
        static boolean complete(byte[] b) {
            int pos = 0;
            while (pos + 1024 <= b.length) {
                if (zero(b, pos) && zero(b, pos + 512)) {
                    return true;
                }
                long size = size(b, pos);
                if (size < 0) {
                    return false;
                }
                pos += 512 + (int) ((size + 511) / 512) * 512;
            }
            return false;
        }

        private static boolean zero(byte[] b, int at) {
            for (int i = at; i < at + 512; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        private static long size(byte[] b, int header) {
            String octal = new String(b, header + 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim();
            try {
                return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
