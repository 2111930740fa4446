package io.jenkins.plugins.devspacebuild.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every event type, found from the sealed interface (a new one is covered without touching this test): with a secret in
 * every string it carries, its masked copy holds the secret nowhere; the console renders it and the JSON line names
 * its type.
 */
class EveryEventTest {
    static final String SECRET = "Secr3tValue";

    static Object sample(Type type) throws Exception {
        if (type == String.class) {
            return "a " + SECRET + " b";
        }
        if (type == int.class) {
            return 2;
        }
        if (type == long.class) {
            return 3L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return List.of(sample(p.getActualTypeArguments()[0]));
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return c.getEnumConstants()[c.getEnumConstants().length - 1];
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return instance(c);
        }
        throw new IllegalStateException("no sample for " + type);
    }

    static Object instance(Class<?> record) throws Exception {
        RecordComponent[] rc = record.getRecordComponents();
        Object[] args = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            args[i] = sample(rc[i].getGenericType());
        }
        Constructor<?> c = record.getDeclaredConstructor(Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return c.newInstance(args);
    }

    static List<BuildEvent> everyEvent() throws Exception {
        List<BuildEvent> out = new ArrayList<>();
        for (Class<?> type : BuildEvent.class.getPermittedSubclasses()) {
            out.add((BuildEvent) instance(type));
        }
        return out;
    }

    @Test
    void everyEventTypeIsMaskedStructurallyRenderedAndWrittenAsJson() throws Exception {
        SecretMasker masker = SecretMasker.of(List.of(SECRET));
        List<BuildEvent> events = everyEvent();
        assertThat(events).hasSize(BuildEvent.class.getPermittedSubclasses().length).hasSizeGreaterThan(10);
        for (BuildEvent e : events) {
            String json = JsonEventWriter.line(e, "2026-01-01T00:00:00Z");
            assertThat(json).startsWith("{\"type\":\"" + e.getClass().getSimpleName() + "\"");
            BuildEvent masked = e.masked(masker);
            assertThat(masked.getClass()).isEqualTo(e.getClass());
            assertThat(JsonEventWriter.line(masked, "t")).as(e.getClass().getSimpleName()).doesNotContain(SECRET);
            assertThat(String.valueOf(ConsolePrinter.render(masked))).doesNotContain(SECRET);
            if (!(e instanceof BuildEvent.Scheduled)) {
                assertThat(json).as(e.getClass().getSimpleName() + " carries a string").contains(SECRET);
            }
        }
    }
}
