package dev.runnel.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.JobExecutionException;
import dev.runnel.api.StreamEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code env.socketTextStream} against a real server socket, with Flink 1.20's cutting, reconnecting and trailing-text rules. */
class SocketTextStreamTest {

    /** A server on a free loopback port that serves one script per connection, in order, then closes each. */
    private static final class ScriptedServer implements AutoCloseable {
        final ServerSocket server;
        final CompletableFuture<Void> done;

        ScriptedServer(List<String> connections) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            done = CompletableFuture.runAsync(() -> {
                for (String text : connections) {
                    try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                        out.write(text.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void linesAreCutAtNewlinesWithoutTheirCarriageReturnAndTheTextAfterTheLastNewlineComesLast() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of("to be\r\nor not\n\nto be\r"))) {
            StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
            List<String> lines = env.socketTextStream("localhost", server.port()).executeAndCollect();
            assertThat(lines).containsExactly("to be", "or not", "", "to be\r");
            server.done.join();
        }
    }

    @Test
    void anotherDelimiterKeepsCarriageReturns() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of("a\r;b;;c"))) {
            StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
            assertThat(env.socketTextStream("localhost", server.port(), ";").executeAndCollect()).containsExactly("a\r", "b", "", "c");
        }
    }

    @Test
    void maxRetryCountsConnectionsAndTextCutByAReconnectJoinsUp() throws Exception {
        // Flink 1.20 reconnects while fewer than maxRetry connections have ended: 2 means two connections.
        try (ScriptedServer server = new ScriptedServer(List.of("one\ntw", "o\nthree", "never read\n"))) {
            StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
            assertThat(env.socketTextStream("localhost", server.port(), "\n", 2).executeAndCollect())
                .containsExactly("one", "two", "three");
        }
    }

    @Test
    void aServerThatIsNotThereFailsTheJob() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        env.socketTextStream("localhost", port).print();
        assertThatThrownBy(() -> env.execute("refused")).isInstanceOf(JobExecutionException.class)
            .rootCause().isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void invalidArgumentsAreRefusedWithFlinksMessages() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        assertThatThrownBy(() -> env.socketTextStream("localhost", 70000)).hasMessage("port is out of range: 70000");
        assertThatThrownBy(() -> env.socketTextStream("localhost", 9999, "\n", -2))
            .hasMessage("maxNumRetries must be zero or larger (num retries), or -1 (infinite retries), got -2");
    }
}
