package dev.runnel.flink.cluster;

import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceContext;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.examples.frauddetector.Transaction;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded transactions of 12 accounts, as a {@code Serializable} source that travels with the job to a
 * Flink TaskManager (it holds the seed, not the rows). Optionally with disorder: late rows and one row
 * dated 2099. Resumable by index.
 *
 * <p>Gates let a test stop the source at fixed positions: at each gate the source writes the file
 * {@code reached-K} into the gate directory and waits (polling nothing) until {@code open-K} exists
 * there. The output does not depend on when gates open, only the moment a test can act does: a
 * test learns from the marker that every row before the gate was emitted, and nothing after it.
 */
public final class TransactionScript implements Source<Transaction>, Serializable {
    private static final long serialVersionUID = 1L;
    private static final long START = 1_715_421_600_000L;

    private final long seed;
    private final int rows;
    private final boolean disorder;
    private final String gateDirectory;
    private final int[] gates;
    private transient List<Transaction> script;
    private int next;

    private TransactionScript(long seed, int rows, boolean disorder, String gateDirectory, int... gates) {
        this.seed = seed;
        this.rows = rows;
        this.disorder = disorder;
        this.gateDirectory = gateDirectory;
        this.gates = gates.clone();
    }

    /** Rows in event-time order, with gates at the given positions in {@code gateDirectory}. */
    public static TransactionScript inOrder(long seed, int rows, Path gateDirectory, int... gates) {
        return new TransactionScript(seed, rows, false, gateDirectory.toAbsolutePath().toString(), gates);
    }

    /** Rows up to 0.8 s out of order, one in twenty 5 to 25 s late, one dated 2099. */
    public static TransactionScript withDisorder(long seed, int rows) {
        return new TransactionScript(seed, rows, true, null);
    }

    static List<Transaction> generate(long seed, int rows, boolean disorder) {
        Random random = new Random(seed);
        List<Transaction> out = new ArrayList<>();
        long t = START;
        for (int i = 0; i < rows; i++) {
            t += random.nextInt(900);
            long ts = !disorder ? t : random.nextInt(20) == 0 ? t - 5_000 - random.nextInt(20_000) : t - random.nextInt(800);
            double amount = random.nextInt(30) == 0 ? 7000 + random.nextInt(3000) : 50 + random.nextInt(900);
            out.add(new Transaction("acct" + random.nextInt(12), ts, amount));
            if (disorder && i == rows / 2) {
                out.add(new Transaction("acct3", START + 75L * 365 * 24 * 3600 * 1000, 100));
            }
        }
        t += 2 * 3600 * 1000L; // a long gap: every account falls silent
        out.add(new Transaction("acct1", t, 10));
        return out;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public void open(SourceContext context) {
        script = generate(seed, rows, disorder);
        next = 0;
    }

    @Override
    public SourceStatus poll(SourceOutput<Transaction> output, int maxRecords) throws IOException {
        int end = Math.min(script.size(), next + maxRecords);
        for (int k = 0; k < gates.length; k++) {
            if (gates[k] == next && !passed(k)) {
                return SourceStatus.NOTHING_AVAILABLE;
            }
            if (gates[k] > next) {
                end = Math.min(end, gates[k]);
            }
        }
        for (; next < end; next++) {
            output.collect(script.get(next));
        }
        return next < script.size() ? SourceStatus.MORE_AVAILABLE : SourceStatus.END_OF_INPUT;
    }

    private boolean passed(int gate) throws IOException {
        Path dir = Path.of(gateDirectory);
        Path reached = dir.resolve("reached-" + gate);
        if (!Files.exists(reached)) {
            Files.createFile(reached);
        }
        return Files.exists(dir.resolve("open-" + gate));
    }

    @Override
    public long position() {
        return next;
    }

    @Override
    public void restorePosition(long position) {
        next = (int) position;
    }
}
