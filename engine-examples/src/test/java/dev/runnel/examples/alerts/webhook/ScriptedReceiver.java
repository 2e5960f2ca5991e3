package dev.runnel.examples.alerts.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A local webhook receiver (the JDK's HTTP server) that behaves as scripted per request number: answer a status,
 * or accept and then answer too late (a timeout the sender sees after the receiver took the alert). Like PagerDuty,
 * it deduplicates by idempotency key: an accepted key is never delivered again.
 */
final class ScriptedReceiver implements AutoCloseable {
    /** What to do with request number n (1-based): a status, or {@link #ACCEPT_THEN_STALL}. */
    static final int ACCEPT_THEN_STALL = -1;

    private final HttpServer server;
    private final IntFunction<Integer> script;
    private final long stallMillis;
    private final AtomicInteger requests = new AtomicInteger();
    /** Accepted alerts by idempotency key, in order: the receiver's "delivered" list. */
    final Map<String, String> delivered = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Every request's idempotency key, retries included. */
    final List<String> keysSeen = Collections.synchronizedList(new ArrayList<>());

    ScriptedReceiver(IntFunction<Integer> script, long stallMillis) throws IOException {
        this.script = script;
        this.stallMillis = stallMillis;
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/hook");
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = requests.incrementAndGet();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        keysSeen.add(key);
        int action = script.apply(n);
        if (action == ACCEPT_THEN_STALL || action / 100 == 2) {
            delivered.putIfAbsent(key, body); // a retry of an accepted key is acknowledged, not delivered again
        }
        if (action == ACCEPT_THEN_STALL) {
            try {
                Thread.sleep(stallMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            action = 202;
        }
        byte[] answer = ("{\"status\":" + action + "}").getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(action, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (IOException senderGaveUp) {
            // the sender timed out and closed the connection: that is the point of the stall
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
