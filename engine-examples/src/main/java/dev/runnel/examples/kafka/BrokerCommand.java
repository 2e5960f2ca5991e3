package dev.runnel.examples.kafka;

import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Option;
import dev.runnel.kafka.broker.LocalBroker;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code broker}: a local single-node Kafka (KRaft) for trying the examples' Kafka options. It
 * listens on a free loopback port, prints {@code bootstrap.servers=localhost:PORT} and runs until
 * stopped (Ctrl-C); its data lives in a temporary directory removed when it stops.
 */
public final class BrokerCommand {
    static final List<Option> OPTIONS = List.of(Option.flag("help", "this help"));

    private BrokerCommand() {}

    public static String help() {
        return "Local Kafka broker: java -jar runnel-examples.jar broker\n"
            + "  starts a single-node KRaft broker on a free loopback port, prints bootstrap.servers=localhost:PORT,\n"
            + "  runs until stopped (Ctrl-C); its data is deleted when it stops\n";
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (Args.parse(args, OPTIONS).has("help")) {
            out.print(help());
            return 0;
        }
        LocalBroker broker;
        PrintStream stdout = System.out;
        try {
            // Kafka's storage formatter prints to System.out; stdout is for the bootstrap.servers line only
            System.setOut(err);
            broker = LocalBroker.start();
        } catch (Exception e) {
            err.println("Could not start the broker: " + e);
            return 1;
        } finally {
            System.setOut(stdout);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception e) {
                err.println("Could not stop the broker cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "broker-shutdown"));
        out.println("bootstrap.servers=" + broker.bootstrapServers());
        out.flush();
        err.println("Kafka broker running; Ctrl-C stops it and deletes its data");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
