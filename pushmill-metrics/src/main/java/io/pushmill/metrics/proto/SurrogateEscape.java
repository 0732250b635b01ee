package io.pushmill.metrics.proto;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 keeping every invalid byte as a lone surrogate U+DC80..U+DCFF (Python's
 * "surrogateescape"). Upstream accepts label bytes that are not UTF-8 at parse time and refuses
 * them in the consistency check, recording a failed push; this keeps the bytes visible to that
 * check (and to its error message) instead of turning them into U+FFFD.
 */
final class SurrogateEscape {
  private SurrogateEscape() {}

  static String decode(ByteString bytes) {
    if (bytes.isValidUtf8()) {
      return bytes.toStringUtf8();
    }
    ByteBuffer in = bytes.asReadOnlyByteBuffer();
    CharBuffer out = CharBuffer.allocate(bytes.size());
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        break;
      }
      // Malformed or unmappable: escape the offending bytes one by one and go on after them.
      for (int i = 0; i < r.length(); i++) {
        out.put((char) (0xDC00 | (in.get() & 0xFF)));
      }
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
