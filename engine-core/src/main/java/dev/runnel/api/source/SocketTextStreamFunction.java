package dev.runnel.api.source;

import dev.runnel.api.functions.SourceFunction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink's socket text source ({@code env.socketTextStream(host, port[, delimiter[, maxRetry]])}): it
 * connects to a server socket, and emits the text it receives cut at {@code delimiter} (a record
 * ending with a carriage return loses it when the delimiter is "\n"). When the server closes the
 * connection it reconnects after {@link #DEFAULT_CONNECTION_RETRY_SLEEP} ms while fewer than
 * {@code maxNumRetries} connections have ended (-1: always), then emits what is left after the last
 * delimiter and finishes. So {@code maxRetry} 0 or 1 means one connection and 3 means three, as in
 * Flink 1.20's {@code SocketTextStreamFunction}, whose behaviour this follows line by line. A
 * connection that cannot be made fails the job. Text is read as UTF-8.
 */
public final class SocketTextStreamFunction implements SourceFunction<String> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SocketTextStreamFunction.class);

    /** Milliseconds between a lost connection and the next attempt, as in Flink. */
    public static final long DEFAULT_CONNECTION_RETRY_SLEEP = 500;

    private final String hostname;
    private final int port;
    private final String delimiter;
    private final long maxNumRetries;
    private final long delayBetweenRetries;
    private volatile boolean isRunning = true;
    private transient volatile Socket currentSocket;

    public SocketTextStreamFunction(String hostname, int port, String delimiter, long maxNumRetries) {
        this(hostname, port, delimiter, maxNumRetries, DEFAULT_CONNECTION_RETRY_SLEEP);
    }

    public SocketTextStreamFunction(String hostname, int port, String delimiter, long maxNumRetries, long delayBetweenRetries) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port is out of range: " + port);
        }
        if (maxNumRetries < -1) {
            throw new IllegalArgumentException("maxNumRetries must be zero or larger (num retries), or -1 (infinite retries), got "
                + maxNumRetries);
        }
        if (delayBetweenRetries < 0) {
            throw new IllegalArgumentException("delayBetweenRetries must be zero or positive, got " + delayBetweenRetries);
        }
        this.hostname = Objects.requireNonNull(hostname, "hostname must not be null");
        this.port = port;
        this.delimiter = Objects.requireNonNull(delimiter, "delimiter must not be null");
        if (delimiter.isEmpty()) {
            throw new IllegalArgumentException("delimiter must not be empty");
        }
        this.maxNumRetries = maxNumRetries;
        this.delayBetweenRetries = delayBetweenRetries;
    }

    @Override
    public void run(SourceContext<String> ctx) throws Exception {
        StringBuilder buffer = new StringBuilder();
        long attempt = 0;
        while (isRunning) {
            try (Socket socket = new Socket()) {
                currentSocket = socket;
                LOG.info("Connecting to server socket {}:{}", hostname, port);
                socket.connect(new InetSocketAddress(hostname, port), 0);
                readUntilClosed(socket, buffer, ctx);
            } catch (IOException e) {
                if (!isRunning) {
                    break; // cancel() closed the socket under the reader
                }
                throw e;
            }
            if (isRunning) {
                attempt++;
                if (maxNumRetries == -1 || attempt < maxNumRetries) {
                    LOG.warn("Lost connection to server socket. Retrying in {} msecs...", delayBetweenRetries);
                    Thread.sleep(delayBetweenRetries);
                } else {
                    break;
                }
            }
        }
        if (buffer.length() > 0) {
            ctx.collect(buffer.toString());
        }
    }

    private void readUntilClosed(Socket socket, StringBuilder buffer, SourceContext<String> ctx) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        char[] chars = new char[8192];
        int read;
        while (isRunning && (read = reader.read(chars)) != -1) {
            buffer.append(chars, 0, read);
            int at;
            while (buffer.length() >= delimiter.length() && (at = buffer.indexOf(delimiter)) != -1) {
                String record = buffer.substring(0, at);
                if (delimiter.equals("\n") && record.endsWith("\r")) {
                    record = record.substring(0, record.length() - 1);
                }
                ctx.collect(record);
                buffer.delete(0, at + delimiter.length());
            }
        }
    }

    @Override
    public void cancel() {
        isRunning = false;
        Socket socket = currentSocket;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing only unblocks the reader
            }
        }
    }
}
