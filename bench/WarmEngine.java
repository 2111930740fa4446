import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.engine.BuildEngine;
import io.jenkins.plugins.devspacebuild.engine.EngineSettings;
import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine in a warm JVM, as on a Jenkins agent (bench/skip-bench.sh drives it). Reads lines
 * {@code run CONFIG CACHE} from stdin; for each runs {@code BuildEngine.build} (skip push, no pull secrets, tag
 * "bench") and prints {@code <wall ms> <status of the first image> <its last decision reason>}.
 */
public class WarmEngine {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.trim().split(" ");
            if (w.length != 3 || !w[0].equals("run")) {
                System.out.println("? expected: run CONFIG CACHE");
                continue;
            }
            Path config = Path.of(w[1]);
            AtomicReference<String> reason = new AtomicReference<>("");
            EngineSettings s = EngineSettings.of(System.getenv(), RegistryCredentials.NONE, e -> {
                if (e instanceof BuildEvent.Decided d) {
                    reason.set(d.reason());
                }
            }).withClusterFactory(ClusterFactory.NONE);
            long t0 = System.nanoTime();
            RunResult r = new BuildEngine(s).build(RunOptions.builder(config).projectRoot(config.getParent()).cacheFile(Path.of(w[2]))
                    .skipPush(true).tags(List.of("bench")).pullSecrets(false).build());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println(ms + " " + r.images().get(0).status() + " " + reason.get());
            System.out.flush();
        }
    }
}
