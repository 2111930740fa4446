package io.jenkins.plugins.devspacebuild.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.handoff.ValuesRewriter.Options;
import io.jenkins.plugins.devspacebuild.handoff.ValuesRewriter.Rewrite;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValuesRewriterTest {
    static final String DIGEST = "sha256:" + "ab".repeat(32);
    static final BuiltImages IMAGES = new BuiltImages(List.of(
            new BuiltImage("api", "127.0.0.1:5000/team/api", "a1b2c", DIGEST),
            new BuiltImage("web", "myuser/web", "v7", null),
            new BuiltImage("proxy", "nginx", "x9", null)));

    static Rewrite rewrite(String yaml, Options options) throws HandoffException {
        return new ValuesRewriter(IMAGES, options).rewrite(yaml, "values.yaml");
    }

    @Test
    void replacesWholeValuesNamingABuiltRepositoryWithOrWithoutTagOrDigest() throws Exception {
        String in = """
                api:
                  image: 127.0.0.1:5000/team/api
                  other: 127.0.0.1:5000/team/api:old
                  pinned: 127.0.0.1:5000/team/api@%s
                web:
                  image: docker.io/myuser/web:latest
                  also: index.docker.io/myuser/web
                proxy: docker.io/library/nginx:1.25
                list:
                - nginx
                - "myuser/web"
                untouched:
                  prefix: 127.0.0.1:5000/team/api-extra
                  sentence: uses nginx here
                  other: 127.0.0.1:5000/team/other
                  number: 5000
                """.formatted(DIGEST);
        Rewrite r = rewrite(in, Options.HELM);
        assertThat(r.text()).isEqualTo("""
                api:
                  image: 127.0.0.1:5000/team/api:a1b2c
                  other: 127.0.0.1:5000/team/api:a1b2c
                  pinned: 127.0.0.1:5000/team/api:a1b2c
                web:
                  image: docker.io/myuser/web:v7
                  also: index.docker.io/myuser/web:v7
                proxy: docker.io/library/nginx:x9
                list:
                - nginx:x9
                - "myuser/web:v7"
                untouched:
                  prefix: 127.0.0.1:5000/team/api-extra
                  sentence: uses nginx here
                  other: 127.0.0.1:5000/team/other
                  number: 5000
                """);
        assertThat(r.replacements()).hasSize(8);
        assertThat(r.replacements().get(0)).satisfies(x -> {
            assertThat(x.path()).isEqualTo(".api.image");
            assertThat(x.before()).isEqualTo("127.0.0.1:5000/team/api");
            assertThat(x.after()).isEqualTo("127.0.0.1:5000/team/api:a1b2c");
            assertThat(x.imageKey()).isEqualTo("api");
            assertThat(x.document()).isEqualTo(1);
        });
        assertThat(r.replacements().get(7).path()).isEqualTo(".list[1]");
    }

    @Test
    void digestIsAppendedWhenAskedAndKnown() throws Exception {
        Rewrite r = rewrite("a: 127.0.0.1:5000/team/api\nb: myuser/web\n", new Options(Set.of(), true));
        assertThat(r.text()).isEqualTo("a: 127.0.0.1:5000/team/api:a1b2c@" + DIGEST + "\nb: myuser/web:v7\n");
    }

    @Test
    void imageAndTagHelpersGiveTheRepositoryOrTheTagAlone() throws Exception {
        Rewrite r = rewrite("""
                image:
                  repository: image(127.0.0.1:5000/team/api)
                  tag: tag('127.0.0.1:5000/team/api')
                web:
                  tag: tag("myuser/web:latest")
                unknown: tag(other/thing)
                """, Options.HELM);
        assertThat(r.text()).isEqualTo("""
                image:
                  repository: 127.0.0.1:5000/team/api
                  tag: a1b2c
                web:
                  tag: v7
                unknown: tag(other/thing)
                """);
    }

    @Test
    void aNumericLookingTagStaysAString() throws Exception {
        BuiltImages numeric = new BuiltImages(List.of(new BuiltImage("api", "team/api", "12345", null)));
        Rewrite r = new ValuesRewriter(numeric, Options.HELM).rewrite("tag: tag(team/api)\n", "v.yaml");
        assertThat(r.text()).isEqualTo("tag: '12345'\n");
    }

    @Test
    void onlyKeysRestrictsToThoseKeysAndSkipsListItems() throws Exception {
        Rewrite r = rewrite("""
                containers:
                - name: api
                  image: 127.0.0.1:5000/team/api
                  env:
                  - nginx
                  args: [nginx]
                note: nginx
                """, new Options(Set.of("image"), false));
        assertThat(r.text()).isEqualTo("""
                containers:
                - name: api
                  image: 127.0.0.1:5000/team/api:a1b2c
                  env:
                  - nginx
                  args: [nginx]
                note: nginx
                """);
    }

    @Test
    void keepsCommentsOrderStylesAndEveryDocument() throws Exception {
        String in = """
                # the api deployment
                apiVersion: apps/v1
                kind: Deployment # inline
                spec:
                  template:
                    spec:
                      containers:
                      # main container
                      - name: api
                        image: '127.0.0.1:5000/team/api' # built by devspace-build
                        ports: [80, 443]
                ---
                kind: Service
                metadata: {name: web, labels: {app: web}}
                z: 1
                a: myuser/web
                """;
        Rewrite r = rewrite(in, Options.HELM);
        // SnakeYAML's one known change: a comment line above a list item that is a mapping moves after the item's dash
        assertThat(r.text()).isEqualTo("""
                # the api deployment
                apiVersion: apps/v1
                kind: Deployment # inline
                spec:
                  template:
                    spec:
                      containers:
                      - # main container
                        name: api
                        image: '127.0.0.1:5000/team/api:a1b2c' # built by devspace-build
                        ports: [80, 443]
                ---
                kind: Service
                metadata: {name: web, labels: {app: web}}
                z: 1
                a: myuser/web:v7
                """);
        assertThat(r.replacements()).extracting(ValuesRewriter.Replacement::document).containsExactly(1, 2);
    }

    @Test
    void keysAndNonStringValuesAreNeverReplaced() throws Exception {
        Rewrite r = rewrite("nginx: true\nlist: [1, 2.5, null]\n", Options.HELM);
        assertThat(r.text()).isEqualTo("nginx: true\nlist: [1, 2.5, null]\n");
        assertThat(r.replacements()).isEmpty();
    }

    @Test
    void anchorsAndMergeKeysSurvive() throws Exception {
        Rewrite r = rewrite("""
                defaults: &defaults
                  image: myuser/web
                  pullPolicy: Always
                web:
                  <<: *defaults
                  replicas: 2
                same: &x nginx
                again: *x
                """, Options.HELM);
        assertThat(r.text()).isEqualTo("""
                defaults: &defaults
                  image: myuser/web:v7
                  pullPolicy: Always
                web:
                  <<: *defaults
                  replicas: 2
                same: nginx:x9
                again: nginx:x9
                """);
    }

    @Test
    void invalidYamlNamesFileAndLine() {
        assertThatThrownBy(() -> rewrite("a: b\nc: [d\n", Options.HELM))
                .isInstanceOf(HandoffException.class)
                .hasMessageStartingWith("values.yaml:3:")
                .hasMessageContaining("not valid YAML");
    }
}
