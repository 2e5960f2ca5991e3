package dev.runnel.api.source;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * A valid line-based file (header lines, then rows) damaged at random from a seed: bytes replaced,
 * deleted or inserted, invalid UTF-8 sequences, rows re-encoded as Latin-1, rows cut, split, joined
 * with junk fields, blank lines, CRLF line ends, a byte order mark, the whole file cut short, and on
 * some seeds a 10 MB row (valid, and one with a bad byte in it). It keeps, for every line of the
 * result, its number, byte offset and bytes, and the original text when the line came through
 * untouched, so that a test can say what a source must have made of each line without asking the
 * source. The header lines are never damaged.
 */
public final class FuzzedFile {
    /** One line of the damaged file: {@code bytes} without the {@code \n}; {@code original} is null if damaged. */
    public record Line(long number, long offset, byte[] bytes, String original) {
        /** The text a strict UTF-8 reader gives (one trailing {@code \r} and a leading byte order mark dropped), or null. */
        public String strictText() {
            int start = offset == 0 && bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
            int end = bytes.length > start && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }

        public boolean validUtf8() {
            return strictText() != null;
        }

        /** A line a source skips: valid text that is only whitespace. */
        public boolean blank() {
            String text = strictText();
            return text != null && text.isBlank();
        }
    }

    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE9},
    };
    public static final int HUGE_LINE_BYTES = 10 * 1024 * 1024;

    private final long seed;
    private final byte[] bytes;
    private final List<Line> lines;
    private final int headerLines;
    private final List<String> damage;

    private FuzzedFile(long seed, byte[] bytes, List<Line> lines, int headerLines, List<String> damage) {
        this.seed = seed;
        this.bytes = bytes;
        this.lines = lines;
        this.headerLines = headerLines;
        this.damage = damage;
    }

    /**
     * Damages a file of {@code header} lines and {@code rows} rows made by {@code row}. On seeds that
     * are a multiple of {@code hugeEvery} (0: never) a 10 MB row from {@code row(-1)} is added.
     */
    public static FuzzedFile generate(long seed, List<String> header, IntFunction<String> row, int rows, int hugeEvery) {
        Random random = new Random(seed);
        List<String> damage = new ArrayList<>();
        String terminator = random.nextInt(5) == 0 ? "\r\n" : "\n";
        boolean latin1 = random.nextInt(10) == 0;
        double rate = 0.02 + random.nextDouble() * 0.25;
        List<byte[]> segments = new ArrayList<>();
        List<String> originals = new ArrayList<>();
        for (String h : header) {
            segments.add(utf8(h + terminator));
            originals.add(h);
        }
        for (int i = 0; i < rows; i++) {
            String text = row.apply(i);
            if (latin1 && text.chars().anyMatch(c -> c > 0x7F)) {
                segments.add((text + terminator).getBytes(StandardCharsets.ISO_8859_1));
                originals.add(null);
                damage.add("row " + i + " as Latin-1");
            } else if (random.nextDouble() < rate) {
                segments.add(damage(utf8(text), random, damage, i, terminator));
                originals.add(null);
            } else {
                segments.add(utf8(text + terminator));
                originals.add(text);
            }
        }
        if (hugeEvery > 0 && seed % hugeEvery == 0) {
            String huge = row.apply(-1);
            int at = header.size() + random.nextInt(rows + 1);
            segments.add(at, utf8(huge + terminator));
            originals.add(at, huge);
            byte[] broken = utf8(huge + "\n");
            broken[broken.length / 2] = (byte) 0xFF;
            segments.add(at + 1, broken);
            originals.add(at + 1, null);
            damage.add("two 10 MB rows at " + at + ", the second with 0xFF in the middle");
        }
        if (random.nextInt(7) == 0 && !segments.isEmpty()) {
            byte[] first = segments.get(0);
            byte[] withBom = new byte[first.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(first, 0, withBom, 3, first.length);
            segments.set(0, withBom);
            damage.add("byte order mark");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<Long, String> untouched = new HashMap<>(); // line start offset -> original text
        Map<Long, Integer> untouchedLength = new HashMap<>();
        long headerEnd = 0;
        for (int i = 0; i < segments.size(); i++) {
            byte[] s = segments.get(i);
            if (originals.get(i) != null) {
                untouched.put((long) out.size(), originals.get(i));
                untouchedLength.put((long) out.size(), s.length - 1); // without the \n
            }
            out.writeBytes(s);
            if (i == header.size() - 1) {
                headerEnd = out.size();
            }
        }
        byte[] all = out.toByteArray();
        if (random.nextInt(7) == 0 && all.length > headerEnd) {
            int cut = (int) (headerEnd + random.nextInt((int) (all.length - headerEnd)));
            all = Arrays.copyOf(all, cut);
            damage.add("file cut at byte " + cut);
        }
        return new FuzzedFile(seed, all, split(all, untouched, untouchedLength), header.size(), damage);
    }

    private static byte[] damage(byte[] row, Random random, List<String> damage, int index, String terminator) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = row.length == 0 ? 0 : random.nextInt(row.length);
        String what;
        switch (random.nextInt(9)) {
            case 0 -> {
                what = "byte " + at + " replaced";
                row = row.clone();
                if (row.length > 0) {
                    row[at] = (byte) (row[at] + 1 + random.nextInt(255)); // never the same byte
                }
                out.writeBytes(row);
            }
            case 1 -> {
                byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
                what = "invalid UTF-8 " + hex(bad) + " at " + at;
                out.write(row, 0, at);
                out.writeBytes(bad);
                out.write(row, at, row.length - at);
            }
            case 2 -> {
                what = "byte " + at + " deleted";
                out.write(row, 0, at);
                out.write(row, Math.min(at + 1, row.length), Math.max(0, row.length - at - 1));
            }
            case 3 -> {
                what = "cut at " + at;
                out.write(row, 0, at);
            }
            case 4 -> {
                what = "newline at " + at;
                out.write(row, 0, at);
                out.write('\n');
                out.write(row, at, row.length - at);
            }
            case 5 -> {
                what = "extra field";
                out.writeBytes(row);
                out.writeBytes(utf8(random.nextBoolean() ? ",4,500.00" : ",x"));
            }
            case 6 -> {
                what = "quote at " + at;
                out.write(row, 0, at);
                out.write('"');
                out.write(row, at, row.length - at);
            }
            case 7 -> {
                what = "blank line before";
                out.writeBytes(utf8(random.nextBoolean() ? "" : " \t"));
                out.writeBytes(utf8(terminator));
                out.writeBytes(row);
            }
            default -> {
                what = "NUL at " + at;
                out.write(row, 0, at);
                out.write(0);
                out.write(row, at, row.length - at);
            }
        }
        damage.add("row " + index + ": " + what);
        out.writeBytes(utf8(terminator));
        return out.toByteArray();
    }

    private static List<Line> split(byte[] all, Map<Long, String> untouched, Map<Long, Integer> untouchedLength) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        long number = 1;
        for (int i = 0; i <= all.length; i++) {
            if (i == all.length || all[i] == '\n') {
                if (i == all.length && i == start) {
                    break; // nothing after the last \n
                }
                Integer length = untouchedLength.get((long) start);
                String original = length != null && length == i - start ? untouched.get((long) start) : null;
                lines.add(new Line(number++, start, Arrays.copyOfRange(all, start, i), original));
                start = i + 1;
            }
        }
        return lines;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }

    public long seed() {
        return seed;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** Every line, header lines included. */
    public List<Line> lines() {
        return lines;
    }

    /** The lines after the header. */
    public List<Line> rows() {
        return lines.subList(Math.min(headerLines, lines.size()), lines.size());
    }

    /** What was done to the file, for failure messages. */
    public String damage() {
        return "seed " + seed + ": " + (damage.isEmpty() ? "no damage" : String.join("; ", damage));
    }
}
