package dev.runnel.api.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Shows bytes that are not all valid UTF-8 as text: what decodes is kept, each bad byte becomes {@code \xNN}. */
final class Utf8Escaper {
    private Utf8Escaper() {}

    /** The first {@code length} bytes of {@code bytes}, escaped, decoding no more than {@link DeadLetter#MAX_TEXT} characters' worth. */
    static String escape(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        // a character takes at least one byte: this many bytes give more than the dead letter keeps
        int end = (int) Math.min(length, DeadLetter.MAX_TEXT * 4L + 16);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, end);
        CharBuffer out = CharBuffer.allocate(end);
        StringBuilder text = new StringBuilder();
        while (in.hasRemaining() && text.length() <= DeadLetter.MAX_TEXT) {
            out.clear();
            CoderResult result = decoder.decode(in, out, true);
            text.append(out.flip());
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    text.append(String.format("\\x%02X", in.get() & 0xFF));
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
        if (end < length) {
            text.append("...");
        }
        return text.toString();
    }
}
