package io.jenkins.plugins.devspacebuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.PublishedVariables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine behaviour each JenkinsRule test (DevSpaceBuildStepTest, DevSpaceBuildBuilderTest) relies on, reproduced
 * through the agent side of the step ({@link AgentBuild}, as the step runs it) with the same devspace.yaml and options,
 * and the same log lines asserted. What Jenkins itself adds (credentials lookup, the artifact manager, the abort
 * message, the action saved in build.xml) is traced by hand: see plugin/README.md.
 */
class JenkinsRuleTracesUnitTest {
    @TempDir
    Path workspace;
    @TempDir
    Path tmp;

    private final CapturingListener listener = new CapturingListener();

    private String log() {
        return listener.text();
    }

    /** DevSpaceBuildStepTest.project(workerCommand), written the way the Pipeline's writeFile steps write it. */
    private void project(String workerCommand) throws Exception {
        Files.writeString(workspace.resolve("devspace.yaml"), """
                version: v2beta1
                images:
                  app:
                    image: 127.0.0.1:1/team/app
                    tags: ["ci-#####"]
                    custom:
                      command: echo building
                      onChange: ["./src/**"]
                  worker:
                    image: 127.0.0.1:1/team/worker
                    custom:
                      command: WORKER
                      skipImageArg: true
                      onChange: ["./worker/**"]
                """.replace("WORKER", workerCommand), StandardCharsets.UTF_8);
        Files.createDirectories(workspace.resolve("src"));
        Files.createDirectories(workspace.resolve("worker"));
        Files.writeString(workspace.resolve("src/main.txt"), "v1", StandardCharsets.UTF_8);
        Files.writeString(workspace.resolve("worker/job.txt"), "w1", StandardCharsets.UTF_8);
    }

    private static StepOptions options(String config, boolean forceBuild, List<String> tags) {
        return new StepOptions(config, forceBuild, false, 0, false, true, List.of(), tags);
    }

    /** One call, as DevSpaceBuildRunner makes it: the cache found before, the file the agent writes the new one to. */
    private AgentOutcome run(StepOptions options, String cacheJson, Path cacheFile, StepSecrets secrets) throws Exception {
        return new AgentBuild("t-" + cacheFile.getFileName(), options, cacheJson, cacheFile.toString(), System.getenv(), List.of(), listener, null,
                null, secrets, null).invoke(workspace.toFile(), null);
    }

    private static StepSecrets none() {
        return StepSecrets.of(List.of(), null);
    }

    /** forceBuildBuildsAndPublishesAndTheNextBuildSkipsWithTheSameTag */
    @Test
    void withSkipPushTheSecondRunSkipsBothImagesWithTheTagsOfTheFirst() throws Exception {
        project("echo building worker");
        Path first = tmp.resolve("first.json");
        AgentOutcome b1 = run(options(null, true, List.of()), CacheStore.toJson(BuildCache.empty()), first, none());
        assertThat(b1.error).isNull();
        assertThat(b1.result.failed()).isFalse();
        assertThat(log()).contains("[app] build: forced", "[app] building with the custom command: echo building", "[worker] building worker");
        Map<String, String> published1 = PublishedVariables.of(b1.result.images());
        assertThat(published1.get("DEVSPACE_IMAGE_APP")).startsWith("127.0.0.1:1/team/app:ci-");
        assertThat(published1).containsKey("DEVSPACE_IMAGE_WORKER_TAG");
        assertThat(b1.result.images()).hasSize(2);

        // the next build: the same files written again, the cache archived by the first (what "cache from p #1" reads)
        project("echo building worker");
        listener.reset();
        AgentOutcome b2 = run(options(null, false, List.of()), Files.readString(first), tmp.resolve("second.json"), none());
        assertThat(b2.error).isNull();
        assertThat(log()).contains("[app] skip: unchanged since", "[worker] skip: unchanged since").doesNotContain("building with");
        assertThat(b2.result.images()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ImageResult.Status.SKIPPED));
        assertThat(PublishedVariables.of(b2.result.images())).isEqualTo(published1);
    }

    /** failedImageFailsTheBuildButTheOthersAreCachedAndPublished */
    @Test
    void exit3WithSkipImageArgFailsWithCode3AndAppIsCachedAndPublished() throws Exception {
        project("exit 3");
        Path cache = tmp.resolve("cache.json");
        AgentOutcome outcome = run(options(null, false, List.of()), CacheStore.toJson(BuildCache.empty()), cache, none());
        assertThat(outcome.error).isNull();
        assertThat(outcome.result.failed()).isTrue();
        assertThat(outcome.result.images()).filteredOn(ImageResult::failed).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo("worker");
            // DevSpaceBuildRunner's message quotes the first line: "... 1 of 2 images failed: worker (<this>"
            assertThat(w.reason().lines().findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("custom build command exited with code 3"));
        });
        assertThat(outcome.result.images()).hasSize(2);
        assertThat(Files.readString(cache)).contains("\"app\"").doesNotContain("\"worker\"");
        assertThat(PublishedVariables.of(outcome.result.images())).containsKey("DEVSPACE_IMAGE_APP").doesNotContainKey("DEVSPACE_IMAGE_WORKER");
    }

    /** aPasswordACommandPrintsIsMaskedInTheLogTheBuildRecordTheRowsAndTheError */
    @Test
    void aPasswordTheCommandPrintsInPlainQuotedAndBase64FormIsMaskedEverywhere() throws Exception {
        String password = "s3cr3t-Pa'ss$w0rd";
        String quoted = "'" + password.replace("'", "'\\''") + "'";
        String base64 = Base64.getEncoder().encodeToString(("builder:" + password).getBytes(StandardCharsets.UTF_8));
        // the step's secrets: here the password of a kubeconfig (a Jenkins Secret, which holds registry passwords,
        // cannot be made outside Jenkins); StepSecrets gives both the same masking
        String kubeconfig = "apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user: {username: builder, password: \"" + password.replace("\\", "\\\\")
                + "\"}\n";
        StepSecrets secrets = StepSecrets.of(List.of(), kubeconfig);
        // $$( is the literal $( (a single $( would be a config expression, run when devspace.yaml is read)
        project("echo \"login with $$(cat secret.txt)\"; echo \"auth $$(cat auth.txt)\"; echo \"password=$$(cat quoted.txt)\"; exit 4");
        Files.writeString(workspace.resolve("secret.txt"), password, StandardCharsets.UTF_8);
        Files.writeString(workspace.resolve("auth.txt"), base64, StandardCharsets.UTF_8);
        Files.writeString(workspace.resolve("quoted.txt"), quoted, StandardCharsets.UTF_8);
        Path cache = tmp.resolve("cache.json");
        AgentOutcome outcome = run(options(null, false, List.of()), CacheStore.toJson(BuildCache.empty()), cache, secrets);

        assertThat(log()).contains("[worker] login with ****", "[worker] password=****", "[worker] FAILED: custom build command exited with code 4")
                .containsPattern("\\[worker] auth [A-Za-z0-9+/=]*\\*\\*\\*\\*")
                .doesNotContain(password, quoted, base64, Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
        assertThat(outcome.error).isNull();
        assertThat(outcome.result.failed()).isTrue();
        // what the controller keeps: the rows saved with the build and the step's error are made from the outcome
        // through the call's masker (DevSpaceBuildRunner)
        DevSpaceBuildAction action = DevSpaceBuildAction.merge(null, outcome.result, secrets.masker());
        assertThat(action.getRows()).hasSize(2).allSatisfy(r -> assertThat(r.getReason()).doesNotContain(password, quoted, base64));
        assertThat(action.getRows()).anySatisfy(r -> assertThat(r.getReason()).contains("exited with code 4", "****"));
        assertThat(action.getVariables().values()).allSatisfy(v -> assertThat(v).doesNotContain(password));
        assertThat(Files.readString(cache)).doesNotContain(password, quoted, base64);
    }

    /** badOptionsAndBadConfigAreClearErrors (the config half; the options half is StepOptionsUnitTest) */
    @Test
    void aMisspelledKeyNextToAValidImageIsReportedWithFileLineAndSuggestion() throws Exception {
        Files.writeString(workspace.resolve("devspace.yaml"), "version: v2beta1\nimages:\n  a:\n    image: x/a\n    tagz: [a]\n    custom:\n"
                + "      command: echo hi\n", StandardCharsets.UTF_8);
        AgentOutcome outcome = run(options(null, false, List.of()), CacheStore.toJson(BuildCache.empty()), tmp.resolve("c.json"), none());
        assertThat(outcome.result).isNull();
        assertThat(outcome.error).contains("devspace.yaml:5:5: images.a.tagz: unknown key; did you mean 'tags'?");
    }

    /** twoCallsInParallelKeepBothCachesAndAllVariables */
    @Test
    void twoConfigsInSubdirectoriesBuildAtTheSameTimeEachIntoItsOwnCacheFile() throws Exception {
        for (String key : List.of("alpha", "beta")) {
            Path dir = workspace.resolve(key.equals("alpha") ? "a" : "b");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("devspace.yaml"), "version: v2beta1\nimages:\n  " + key + ":\n    image: 127.0.0.1:1/team/" + key
                    + "\n    custom:\n      command: sleep 1\n      skipImageArg: true\n", StandardCharsets.UTF_8);
        }
        String empty = CacheStore.toJson(BuildCache.empty());
        CompletableFuture<AgentOutcome> one = CompletableFuture.supplyAsync(() -> call("a/devspace.yaml", empty));
        CompletableFuture<AgentOutcome> two = CompletableFuture.supplyAsync(() -> call("b/devspace.yaml", empty));
        AgentOutcome a = one.get(60, TimeUnit.SECONDS);
        AgentOutcome b = two.get(60, TimeUnit.SECONDS);
        assertThat(PublishedVariables.of(a.result.images()).get("DEVSPACE_IMAGE_ALPHA")).startsWith("127.0.0.1:1/team/alpha:");
        assertThat(PublishedVariables.of(b.result.images()).get("DEVSPACE_IMAGE_BETA")).startsWith("127.0.0.1:1/team/beta:");
        assertThat(Files.readString(tmp.resolve(CacheArtifact.name("a/devspace.yaml")))).contains("\"alpha\"").doesNotContain("\"beta\"");
        assertThat(Files.readString(tmp.resolve(CacheArtifact.name("b/devspace.yaml")))).contains("\"beta\"").doesNotContain("\"alpha\"");
        // both published: the action merges the second call's rows and variables into the first's
        DevSpaceBuildAction merged = DevSpaceBuildAction.merge(DevSpaceBuildAction.merge(null, a.result, s -> s), b.result, s -> s);
        assertThat(merged.getVariables()).containsKeys("DEVSPACE_IMAGE_ALPHA", "DEVSPACE_IMAGE_BETA");
        assertThat(merged.getRows()).hasSize(2);
    }

    private AgentOutcome call(String config, String cacheJson) {
        try {
            return run(options(config, false, List.of()), cacheJson, tmp.resolve(CacheArtifact.name(config)), none());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** DevSpaceBuildBuilderTest.laterBuildStepsSeeTheVariables (tags "ci-${BUILD_NUMBER}" of build 1, expanded by the runner) */
    @Test
    void anExpandedTagIsUsedAndPublishedUnderTheImageKeysVariable() throws Exception {
        Files.writeString(workspace.resolve("devspace.yaml"), "version: v2beta1\nimages:\n  backend-api:\n    image: 127.0.0.1:1/team/api\n"
                + "    custom:\n      command: echo building\n      onChange: [\"./src/**\"]\n", StandardCharsets.UTF_8);
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("src/a.txt"), "a", StandardCharsets.UTF_8);
        AgentOutcome outcome = run(options(null, false, List.of("ci-1")), CacheStore.toJson(BuildCache.empty()), tmp.resolve("c.json"), none());
        assertThat(outcome.error).isNull();
        assertThat(PublishedVariables.of(outcome.result.images())).containsEntry("DEVSPACE_IMAGE_BACKEND_API", "127.0.0.1:1/team/api:ci-1");
    }
}
