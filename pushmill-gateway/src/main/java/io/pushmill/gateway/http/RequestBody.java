package io.pushmill.gateway.http;

import java.io.EOFException;
import java.io.PushbackInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.xerial.snappy.SnappyFramedInputStream;

/**
 * A request body as the push handler reads it: decompressed per {@code Content-Encoding} ({@code
 * gzip}, or {@code snappy} in the framing format, compared case-insensitively as upstream ≥1.6
 * does; anything else is read as it is), and cut off when it exceeds the size limit before or after
 * decompression, so that a zip bomb costs at most the limit.
 *
 * <p>Errors surface as {@link IOException}s from {@link #stream()}, which a parser passes on; the
 * handler then asks {@link #limitExceeded()} and {@link #decodeError()} what happened.
 */
public final class RequestBody {
  private static final int GZIP_HEADER_SIZE = 10;

  private final long limit;
  private final Limited raw;
  private final InputStream stream;
  private boolean limitExceeded;
  private String decodeError;

  private RequestBody(InputStream in, String contentEncoding, long limit) throws IOException {
    this.limit = limit;
    this.raw = new Limited(in);
    this.stream = new Limited(decoder(contentEncoding.toLowerCase(Locale.ROOT)));
  }

  /**
   * Opens a body. A gzip header is read at once, as Go's {@code gzip.NewReader} does, so a broken
   * one fails every request that declares gzip, whatever its route.
   *
   * @throws BadRequestException for a broken gzip header, with Go's text
   */
  public static RequestBody open(InputStream in, Optional<String> contentEncoding, long limit) {
    try {
      return new RequestBody(in, contentEncoding.orElse(""), limit);
    } catch (IOException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private InputStream decoder(String encoding) throws IOException {
    return switch (encoding) {
      case "gzip" -> openGzip();
      case "snappy" -> new LazySnappy(raw);
      default -> raw;
    };
  }

  private InputStream openGzip() throws IOException {
    // Go reads the whole 10-byte header before it looks at the magic bytes, so a short body is
    // "unexpected EOF" even when its first bytes are not gzip's; Java checks the magic first.
    PushbackInputStream header = new PushbackInputStream(raw, GZIP_HEADER_SIZE);
    byte[] head = header.readNBytes(GZIP_HEADER_SIZE);
    if (head.length == 0) {
      throw new IOException("EOF");
    }
    if (head.length < GZIP_HEADER_SIZE) {
      throw new IOException("unexpected EOF");
    }
    header.unread(head);
    try {
      return new GzipErrors(new GZIPInputStream(header, 8192));
    } catch (EOFException e) {
      throw new IOException("unexpected EOF", e);
    } catch (java.util.zip.ZipException e) {
      throw new IOException("gzip: invalid header", e);
    }
  }

  /** The decompressed, size-limited body. */
  public InputStream stream() {
    return stream;
  }

  /** The limit in bytes. */
  public long limit() {
    return limit;
  }

  /** True once more than {@link #limit()} bytes were read, raw or decompressed. */
  public boolean limitExceeded() {
    return limitExceeded;
  }

  /** Go's text for a decompression failure, if one happened while reading. */
  public Optional<String> decodeError() {
    return Optional.ofNullable(decodeError);
  }

  /** Counts bytes and fails once the limit is passed. */
  private final class Limited extends FilterInputStream {
    private long count;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(int n) throws IOException {
      count += n;
      if (count > limit) {
        limitExceeded = true;
        throw new IOException("request body larger than " + limit + " bytes");
      }
    }
  }

  /** Records Go's text for inflater failures after the header was read. */
  private final class GzipErrors extends FilterInputStream {
    GzipErrors(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (EOFException e) {
        record("unexpected EOF");
        throw e;
      } catch (java.util.zip.ZipException e) {
        record(
            e.getMessage() != null && e.getMessage().contains("trailer")
                ? "gzip: invalid checksum"
                : "flate: corrupt input");
        throw e;
      }
    }

    private void record(String message) {
      if (!limitExceeded) {
        decodeError = message;
      }
    }
  }

  /**
   * Snappy framing, started on the first read: Go's reader reads nothing up front and treats an
   * empty body as an empty stream.
   */
  private final class LazySnappy extends InputStream {
    private final PushbackInputStream in;
    private InputStream snappy;
    private boolean empty;

    LazySnappy(InputStream in) {
      this.in = new PushbackInputStream(in, 1);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        if (snappy == null && !empty) {
          int first = in.read();
          if (first < 0) {
            empty = true;
          } else {
            in.unread(first);
            snappy = new SnappyFramedInputStream(in, true);
          }
        }
        return empty ? -1 : snappy.read(b, off, len);
      } catch (IOException e) {
        if (!limitExceeded) {
          decodeError = "snappy: corrupt input";
        }
        throw e;
      }
    }
  }
}
