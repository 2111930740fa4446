package io.jenkins.plugins.devspacebuild.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.DockerSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.config.Location;
import io.jenkins.plugins.devspacebuild.config.RebuildStrategy;
import io.jenkins.plugins.devspacebuild.config.RestartHelper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestartHelperInjectionTest {
    static final RestartHelper LEGACY = new RestartHelper(RestartHelper.Kind.START_AT_ONCE, null, "images.app.injectRestartHelper");

    static ImageConfig image(String target, List<String> entrypoint, List<String> cmd, List<String> append, RestartHelper helper) {
        return new ImageConfig("app", ImageName.parse("my/app"), List.of(), Path.of("/p/Dockerfile"), Path.of("/p"), entrypoint, cmd,
                append, Map.of(), target, null, RebuildStrategy.DEFAULT, false, true, DockerSpec.DEFAULT, false, false,
                Location.of("devspace.yaml"), helper);
    }

    static String apply(String dockerfile, String target, List<String> entrypoint, List<String> cmd) throws ConfigException {
        return DockerfileOverride.apply(Dockerfile.parse(dockerfile, "Dockerfile"), image(target, entrypoint, cmd, List.of("USER 1000"), LEGACY));
    }

    @Test
    void wrapsTheDockerfilesEntrypointAndKeepsItsCmd() throws Exception {
        assertThat(apply("FROM scratch\nENTRYPOINT [\"/app\", \"-v\"]\nCMD [\"serve\"]\n", null, null, null)).isEqualTo("""
                FROM scratch
                ENTRYPOINT ["/app", "-v"]
                CMD ["serve"]
                USER 1000
                COPY /.devspace /
                ENTRYPOINT ["/.devspace/devspace-restart-helper", "/app", "-v"]
                CMD ["serve"]
                """);
    }

    @Test
    void shellFormBecomesShDashCAndAnEntrypointResetsTheCmdBeforeIt() throws Exception {
        assertThat(apply("FROM scratch\nCMD [\"old\"]\nENTRYPOINT node server.js --port 80\n", null, null, null))
                .endsWith("ENTRYPOINT [\"/.devspace/devspace-restart-helper\", \"/bin/sh\", \"-c\", \"node server.js --port 80\"]\n")
                .doesNotContain("CMD [\"old\"]\nUSER");
    }

    @Test
    void onlyACmdIsWrappedAsArgumentsOfTheHelper() throws Exception {
        assertThat(apply("FROM scratch\nCMD [\"/app\"]\n", null, null, null))
                .endsWith("ENTRYPOINT [\"/.devspace/devspace-restart-helper\"]\nCMD [\"/app\"]\n");
    }

    @Test
    void configuredEntrypointAndCmdWinAndTheTargetStageLimitsTheSearch() throws Exception {
        String df = "FROM scratch AS dev\nENTRYPOINT [\"/dev\"]\nFROM scratch AS prod\nENTRYPOINT [\"/prod\"]\nCMD [\"p\"]\n";
        assertThat(apply(df, "dev", null, null)).contains("ENTRYPOINT [\"/.devspace/devspace-restart-helper\", \"/dev\"]\nFROM scratch AS prod");
        assertThat(apply(df, null, List.of("/mine"), null)).endsWith("ENTRYPOINT [\"/.devspace/devspace-restart-helper\", \"/mine\"]\nCMD [\"p\"]\n");
        assertThat(apply(df, null, List.of("/mine"), List.of("c"))).endsWith("ENTRYPOINT [\"/.devspace/devspace-restart-helper\", \"/mine\"]\nCMD [\"c\"]\n");
    }

    @Test
    void neitherEntrypointNorCmdIsAnErrorSayingWhatToDo() {
        assertThatThrownBy(() -> apply("FROM scratch\nCOPY a /a\n", null, null, null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("devspace.yaml: images.app.injectRestartHelper: cannot wrap the ENTRYPOINT with the restart helper: neither Dockerfile "
                        + "(up to the end of the target stage) nor images.app has an ENTRYPOINT or CMD. Add an ENTRYPOINT (or CMD) to the "
                        + "Dockerfile, set images.app.entrypoint, or remove injectRestartHelper");
    }

    @Test
    void theScriptWaitsForStartOnlyForTheCurrentHelperAndACustomScriptIsUsedAsIs() {
        String legacy = new String(RestartHelperInjection.script(LEGACY), StandardCharsets.UTF_8);
        String current = new String(RestartHelperInjection.script(new RestartHelper(RestartHelper.Kind.WAIT_FOR_START, null, "x")),
                StandardCharsets.UTF_8);
        assertThat(legacy).startsWith("#!/bin/sh\n").contains("\nwait_for_start=false\n").contains("pid_file=\"$dir/devspace-pid\"");
        assertThat(current).contains("\nwait_for_start=true\n");
        assertThat(RestartHelperInjection.script(new RestartHelper(RestartHelper.Kind.START_AT_ONCE, "#!/bin/sh\nexec \"$@\"\n", "y")))
                .isEqualTo("#!/bin/sh\nexec \"$@\"\n".getBytes(StandardCharsets.UTF_8));
        assertThat(RestartHelperInjection.script(RestartHelper.NONE)).isNull();
    }
}
