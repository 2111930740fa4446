package io.jenkins.plugins.devspacebuild.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The context pipe's end: the Docker builder closes the reader once the daemon answered, which can come before the
 * writer thread returned from handing over the end of the tar. That used to turn into "the daemon stopped reading the
 * build context" and hide what the daemon said (its error, or that it went away: DaemonWentAwayTest failed 4 in 100).
 */
class ChunkPipeTest {
    @Test
    void theEndHandedOverAfterTheReaderClosedIsNoFailure() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        // all data was read already (none here); the reader closes while the writer is handing over the end
        pipe.in.close();
        pipe.out.close(); // threw before: nothing was lost, the writer did not fail
    }

    @Test
    void dataAfterTheReaderClosedStillFails() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        pipe.in.close();
        assertThatThrownBy(() -> pipe.out.write(new byte[ChunkPipe.CHUNK + 1]))
                .isInstanceOf(IOException.class).hasMessage("the daemon stopped reading the build context");
    }

    @Test
    void theReaderGetsAllDataThenTheEnd() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        byte[] data = new byte[ChunkPipe.CHUNK * 2 + 5];
        data[data.length - 1] = 7;
        Thread writer = new Thread(() -> {
            try {
                pipe.out.write(data);
                pipe.out.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        byte[] got = pipe.in.readAllBytes();
        writer.join();
        assertThat(got).hasSize(data.length).endsWith((byte) 7);
    }
}
