package io.jenkins.plugins.devspacebuild.builder;

import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.KanikoSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pod of one kaniko build: an init container ({@value #INIT}) that waits until the build context has been streamed
 * into the shared {@code /context} volume, then the executor ({@value #KANIKO}) with one {@code --destination} per tag
 * and its digest written to the termination log. Push credentials come from a {@code kubernetes.io/dockerconfigjson}
 * secret mounted at {@code /kaniko/.docker/config.json}. Every kaniko setting of the image is honoured.
 */
final class KanikoPod {
    static final String INIT = "context";
    static final String KANIKO = "kaniko";
    static final String CONTEXT_DIR = "/context";
    static final String DONE_MARKER = "/tmp/devspace-build-context-done";
    static final String DEFAULT_IMAGE = "cgr.dev/chainguard/kaniko:latest";
    static final String DEFAULT_INIT_IMAGE = "busybox:1.36.1";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String IMAGE_LABEL = "devspace-build.io/image";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KanikoPod() {
    }

    /**
     * @param name       pod name (unique to this build)
     * @param secretName the push secret to mount, or null
     */
    static Pod of(String name, String namespace, KanikoSpec spec, BuildRequest request, String secretName) throws ConfigException {
        ImageConfig image = request.image();
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.put(MANAGED_BY, "devspace-build");
        labels.put(IMAGE_LABEL, KanikoBuilder.dnsLabel(image.key(), 63));

        List<VolumeMount> kanikoMounts = new ArrayList<>();
        List<Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder().withName("context").withNewEmptyDir().endEmptyDir().build());
        kanikoMounts.add(new VolumeMountBuilder().withName("context").withMountPath(CONTEXT_DIR).build());
        if (secretName != null) {
            volumes.add(new VolumeBuilder().withName("docker-config").withNewSecret().withSecretName(secretName)
                    .addNewItem().withKey(".dockerconfigjson").withPath("config.json").endItem().endSecret().build());
            kanikoMounts.add(new VolumeMountBuilder().withName("docker-config").withMountPath("/kaniko/.docker").withReadOnly(true).build());
        }
        int i = 0;
        for (Object mount : spec.additionalMounts()) {
            String volumeName = "extra-" + i;
            kanikoMounts.add(additionalMount(mount, volumeName, volumes, i++));
        }

        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("DOCKER_CONFIG", "/kaniko/.docker", null));
        spec.env().forEach((k, v) -> env.add(new EnvVar(k, v, null)));
        List<EnvVar> initEnv = new ArrayList<>();
        spec.initEnv().forEach((k, v) -> initEnv.add(new EnvVar(k, v, null)));

        Container init = new ContainerBuilder().withName(INIT)
                .withImage(spec.initImage() == null ? DEFAULT_INIT_IMAGE : spec.initImage())
                .withCommand("sh", "-c", "until [ -f " + DONE_MARKER + " ]; do sleep 0.2; done")
                .withEnv(initEnv)
                .withVolumeMounts(new VolumeMountBuilder().withName("context").withMountPath(CONTEXT_DIR).build())
                .build();
        ContainerBuilder kaniko = new ContainerBuilder().withName(KANIKO)
                .withImage(spec.image() == null ? DEFAULT_IMAGE : spec.image())
                .withArgs(args(spec, request))
                .withEnv(env)
                .withVolumeMounts(kanikoMounts)
                .withTerminationMessagePolicy("File");
        if (!spec.command().isEmpty()) {
            kaniko.withCommand(spec.command());
        }
        if (!spec.envFrom().isEmpty()) {
            kaniko.withEnvFrom(convertList(spec.envFrom(), EnvFromSource.class, "envFrom", image));
        }
        if (!spec.resources().isEmpty()) {
            kaniko.withResources(convert(spec.resources(), ResourceRequirements.class, "resources", image));
        }

        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .withAnnotations(spec.annotations()).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(spec.serviceAccount() != null)
                .withInitContainers(init)
                .withContainers(kaniko.build())
                .withVolumes(volumes)
                .withNodeSelector(spec.nodeSelector())
                .withTolerations(convertList(spec.tolerations(), Toleration.class, "tolerations", image))
                .endSpec();
        if (spec.serviceAccount() != null) {
            pod.editSpec().withServiceAccountName(spec.serviceAccount()).endSpec();
        }
        return pod.build();
    }

    /** The executor's arguments, in a stable order. */
    static List<String> args(KanikoSpec spec, BuildRequest request) {
        ImageConfig image = request.image();
        List<String> a = new ArrayList<>();
        a.add("--dockerfile=" + CONTEXT_DIR + "/" + request.input().dockerfileName());
        a.add("--context=dir://" + CONTEXT_DIR);
        if (request.push()) {
            for (String ref : request.references()) {
                a.add("--destination=" + ref);
            }
        } else {
            a.add("--no-push");
            for (String ref : request.references()) {
                a.add("--destination=" + ref);
            }
        }
        a.add("--digest-file=/dev/termination-log");
        if (image.target() != null) {
            a.add("--target=" + image.target());
        }
        image.buildArgs().forEach((k, v) -> a.add("--build-arg=" + k + "=" + v));
        if (spec.cache()) {
            a.add("--cache=true");
            a.add("--cache-repo=" + (spec.cacheRepo() != null ? spec.cacheRepo() : image.image().repository() + "/cache"));
        }
        if (spec.snapshotMode() != null) {
            a.add("--snapshot-mode=" + spec.snapshotMode());
        }
        if (spec.insecure()) {
            a.add("--insecure");
            a.add("--skip-tls-verify");
        }
        a.addAll(spec.args());
        return a;
    }

    /** DevSpace's additionalMounts entry: {mountPath, subPath, readOnly, secret: {...} | configMap: {...}}. */
    @SuppressWarnings("unchecked")
    private static VolumeMount additionalMount(Object entry, String volumeName, List<Volume> volumes, int index) throws ConfigException {
        if (!(entry instanceof Map<?, ?> m) || !(m.get("mountPath") instanceof String mountPath)) {
            throw new ConfigException("kaniko.additionalMounts[" + index + "]: needs a mountPath and a secret or configMap");
        }
        VolumeBuilder v = new VolumeBuilder().withName(volumeName);
        if (m.get("secret") instanceof Map<?, ?> secret) {
            Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) secret);
            if (s.containsKey("name") && !s.containsKey("secretName")) {
                s.put("secretName", s.remove("name"));
            }
            v.withSecret(SERIALIZATION.convertValue(s, SecretVolumeSource.class));
        } else if (m.get("configMap") instanceof Map<?, ?> cm) {
            v.withConfigMap(SERIALIZATION.convertValue(cm, ConfigMapVolumeSource.class));
        } else {
            throw new ConfigException("kaniko.additionalMounts[" + index + "]: give a secret or a configMap to mount at " + mountPath);
        }
        volumes.add(v.build());
        return new VolumeMountBuilder().withName(volumeName).withMountPath(mountPath)
                .withSubPath(m.get("subPath") instanceof String sp ? sp : null)
                .withReadOnly(m.get("readOnly") instanceof Boolean ro ? ro : null).build();
    }

    private static <T> T convert(Object value, Class<T> type, String field, ImageConfig image) throws ConfigException {
        try {
            return SERIALIZATION.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("images." + image.key() + ".kaniko." + field + ": not a valid Kubernetes " + type.getSimpleName() + " ("
                    + e.getMessage().split("\n")[0] + ")");
        }
    }

    private static <T> List<T> convertList(List<Object> values, Class<T> type, String field, ImageConfig image) throws ConfigException {
        List<T> out = new ArrayList<>();
        for (Object v : values) {
            out.add(convert(v, type, field, image));
        }
        return out;
    }
}
