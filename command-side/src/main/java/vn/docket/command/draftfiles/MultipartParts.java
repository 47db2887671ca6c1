package vn.docket.command.draftfiles;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A {@code multipart/form-data} body read part by part as it arrives. It gives the answers commons-fileupload's
 * streaming parser gave (which part is which, where a body ends, what is refused and why: {@code
 * MultipartPartsFuzzTest} holds it to them, quirks included, but where {@link PartHeaders} says the library was
 * wrong). It finds the boundary after a part's body by skipping ahead (Horspool): the library compared the body byte
 * by byte, a third of the request thread's time on a 10 MB hand-in. A part's headers may take {@link #HEADERS_MAX}
 * bytes, not the library's 512: a 255-letter Vietnamese file name is up to 765 bytes raw and 2,295 percent-encoded.
 */
final class MultipartParts {

    /** What went over its limit: a part's body, the whole request, or a part's header lines. */
    enum Over { PART, REQUEST, HEADERS }

    /** The request, or a part, went over its limit while it was read. */
    static final class TooLarge extends IOException {
        final Over what;

        TooLarge(Over what) {
            super(switch (what) {
                case PART -> "A part is over its limit";
                case REQUEST -> "The request is over its limit";
                case HEADERS -> "A part's headers are over their limit";
            });
            this.what = what;
        }
    }

    /** A part as its headers name it; its body is read with {@link #read} until -1. */
    record Part(String fieldName, String fileName, boolean formField) {
    }

    /**
     * One part's headers at most: over it, the request is refused as too large. Room for a 255-character file name of
     * any script sent both raw and percent-encoded in {@code filename*}: 255 × 4 bytes + 255 × 12 = 4,080.
     */
    static final int HEADERS_MAX = 8 * 1024;
    /** The library refused a boundary its 4 KB buffer could not hold beside the delimiter's prefix and one byte. */
    private static final int BOUNDARY_MAX = 4096 - 5;
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte DASH = '-';

    private final InputStream in;
    private final int maxHeaderBytes;
    private final long maxRequestBytes;
    private final long maxPartBytes;
    private final byte[] buffer = new byte[64 * 1024];
    /** A part's headers as read, grown as a longer one comes, up to the limit. */
    private byte[] headerBytes = new byte[1024];
    private final Delimiter outer;
    private int head;
    private int tail;
    private long requestBytes;
    /** What ends the current part's body: CRLF, two dashes and the boundary (the form's, or a nested multipart's). */
    private Delimiter delimiter;
    /** Where the current body's delimiter starts in the buffer, once found; else -1. */
    private int end = -1;
    /** No delimiter starts in the buffer before this index. */
    private int searched;
    private long partBytes;
    private boolean inBody;
    /** The field a nested {@code multipart/mixed} part's files belong to, while reading them. */
    private String nestedField;
    private boolean done;
    /** The form's closing delimiter was read: the body was sent whole. */
    private boolean closed;

    /**
     * @param contentType the request's, naming the boundary
     * @param contentLength the request's declared length, -1 if unknown
     */
    MultipartParts(InputStream in, String contentType, long contentLength, long maxRequestBytes, long maxPartBytes)
            throws IOException {
        this(in, contentType, contentLength, maxRequestBytes, maxPartBytes, HEADERS_MAX);
    }

    /** With another limit on a part's headers: the library's 512 bytes, to compare with it. */
    MultipartParts(InputStream in, String contentType, long contentLength, long maxRequestBytes, long maxPartBytes,
                   int maxHeaderBytes) throws IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ENGLISH).startsWith("multipart/")) {
            throw new IOException("Not a multipart request: " + contentType);
        }
        if (contentLength != -1 && contentLength > maxRequestBytes) {
            throw new TooLarge(Over.REQUEST);
        }
        byte[] boundary = PartHeaders.boundary(contentType);
        if (boundary == null || boundary.length > BOUNDARY_MAX) {
            throw new IOException("No usable multipart boundary");
        }
        this.in = in;
        this.maxRequestBytes = maxRequestBytes;
        this.maxPartBytes = maxPartBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        this.outer = new Delimiter(boundary);
        this.delimiter = outer;
    }

    /** The next part, null after the last one. The body of the part before, if not read to its end, is skipped. */
    Part next() throws IOException {
        if (done) {
            return null;
        }
        if (inBody) {
            skipBody();
        }
        while (true) {
            if (!toNextPart()) {
                if (nestedField == null) {
                    done = true;
                    return null;
                }
                delimiter = outer; // the nested multipart ended: back to the form's parts
                nestedField = null;
                continue;
            }
            PartHeaders headers = PartHeaders.parse(readHeaders());
            if (nestedField == null) {
                String field = headers.fieldName();
                if (field != null) {
                    String type = headers.get("Content-Type");
                    if (type != null && type.toLowerCase(Locale.ENGLISH).startsWith("multipart/mixed")) {
                        byte[] nested = PartHeaders.boundary(type);
                        // The library could only switch to a boundary as long as the form's.
                        if (nested == null || nested.length != outer.bytes.length - 4) {
                            throw new IOException("A nested multipart's boundary is missing or of another length");
                        }
                        delimiter = new Delimiter(nested);
                        nestedField = field;
                        continue;
                    }
                    String fileName = headers.fileName();
                    return body(new Part(field, fileName, fileName == null), headers);
                }
            } else {
                String fileName = headers.fileName();
                if (fileName != null) {
                    return body(new Part(nestedField, fileName, false), headers);
                }
            }
            skipBody();
        }
    }

    private Part body(Part part, PartHeaders headers) throws TooLarge {
        long declared;
        try {
            declared = Long.parseLong(headers.get("Content-Length"));
        } catch (RuntimeException e) {
            declared = -1;
        }
        if (declared != -1 && declared > maxPartBytes) {
            throw new TooLarge(Over.PART);
        }
        inBody = true;
        partBytes = 0;
        return part;
    }

    /**
     * Whether the form ended with its closing delimiter. The library ended a form without one (a body cut off right
     * after a part, or something else after a boundary) as if whole, with the parts read so far: the caller tells.
     */
    boolean closed() {
        return closed;
    }

    /** Reads the current part's body; -1 at its end. */
    int read(byte[] into, int offset, int length) throws IOException {
        if (!inBody) {
            return -1;
        }
        // At the limit, a part is over it if any byte is left (readBody asked for none answers 0 then, -1 at its end).
        int n = readBody(into, offset, (int) Math.min(length, maxPartBytes - partBytes));
        if (n == 0 && length > 0) {
            throw new TooLarge(Over.PART);
        }
        if (n == -1) {
            inBody = false;
        } else {
            partBytes += n;
        }
        return n;
    }

    private void skipBody() throws IOException {
        while (readBody(null, 0, Integer.MAX_VALUE) != -1) {
            // skipped
        }
        inBody = false;
    }

    /** Body bytes up to the delimiter (copied into {@code into} unless null); -1 once at the delimiter. */
    private int readBody(byte[] into, int offset, int length) throws IOException {
        while (true) {
            if (end < 0) {
                int from = Math.max(head, searched);
                end = delimiter.in(buffer, from, tail);
                if (end < 0) {
                    searched = Math.max(from, tail - delimiter.bytes.length + 1);
                }
            }
            // Short of the delimiter, the library held back as many bytes as it has: so that a limit is reached at
            // the same byte, these are held back too.
            int safe = end >= 0 ? end : tail - outer.bytes.length;
            if (safe > head) {
                int n = Math.min(length, safe - head);
                if (into != null) {
                    System.arraycopy(buffer, head, into, offset, n);
                }
                head += n;
                return n;
            }
            if (end >= 0) {
                return -1;
            }
            if (!fill()) {
                throw new EOFException("The body ended inside a part");
            }
        }
    }

    /**
     * Finds the next part's start: the boundary (without the CRLF before it, as the library looked for it, after a
     * part as before the first) and a line end after it. False at the closing delimiter, and, as the library answered,
     * if the body ends first or something else follows the boundary: then the form ends with the parts read so far.
     */
    private boolean toNextPart() throws IOException {
        Delimiter current = delimiter;
        delimiter = current.dashed;
        end = -1;
        searched = 0;
        try {
            skipBody();
            head += delimiter.bytes.length;
            byte first = readByte();
            if (first == LF) {
                return true;
            }
            byte second = readByte();
            closed = current == outer && first == DASH && second == DASH;
            return first == CR && second == LF;
        } catch (TooLarge e) {
            throw e;
        } catch (IOException e) {
            return false;
        } finally {
            delimiter = current;
            end = -1;
            searched = 0;
        }
    }

    /** A part's header lines up to the blank line, at most {@link #maxHeaderBytes}, decoded as UTF-8. */
    private String readHeaders() throws IOException {
        byte[] separator = {CR, LF, CR, LF};
        int matched = 0;
        int size = 0;
        byte[] read = headerBytes;
        while (matched < separator.length) {
            byte b = readByte();
            if (++size > maxHeaderBytes) {
                throw new TooLarge(Over.HEADERS);
            }
            if (size > read.length) {
                read = headerBytes = Arrays.copyOf(read, Math.min(read.length * 2, maxHeaderBytes));
            }
            // The library's matching, kept: a mismatch starts over without looking at this byte again.
            matched = b == separator[matched] ? matched + 1 : 0;
            read[size - 1] = b;
        }
        end = -1;
        searched = 0;
        return new String(read, 0, size, StandardCharsets.UTF_8);
    }

    private byte readByte() throws IOException {
        if (head == tail && !fill()) {
            throw new EOFException("The body ended inside a part's headers or boundary");
        }
        return buffer[head++];
    }

    /** Moves what is unread to the buffer's start and reads more, within the request's limit; false at its end. */
    private boolean fill() throws IOException {
        if (head > 0) {
            System.arraycopy(buffer, head, buffer, 0, tail - head);
            tail -= head;
            searched = Math.max(0, searched - head);
            if (end >= 0) {
                end -= head;
            }
            head = 0;
        }
        if (requestBytes >= maxRequestBytes) {
            throw new TooLarge(Over.REQUEST); // as the library did: reading on at the limit is over it
        }
        int n = in.read(buffer, tail, (int) Math.min(buffer.length - tail, maxRequestBytes - requestBytes));
        if (n == -1) {
            return false;
        }
        tail += n;
        requestBytes += n;
        return true;
    }

    /** CRLF, two dashes and a boundary, found by Horspool's skip-ahead search; {@link #dashed} without the CRLF. */
    private static final class Delimiter {
        final byte[] bytes;
        final Delimiter dashed;
        private final int[] skip = new int[256];

        Delimiter(byte[] boundary) {
            this(boundary, true);
        }

        private Delimiter(byte[] boundary, boolean lineEnd) {
            dashed = lineEnd ? new Delimiter(boundary, false) : null;
            byte[] prefix = lineEnd ? new byte[] {CR, LF, DASH, DASH} : new byte[] {DASH, DASH};
            bytes = Arrays.copyOf(prefix, prefix.length + boundary.length);
            System.arraycopy(boundary, 0, bytes, prefix.length, boundary.length);
            Arrays.fill(skip, bytes.length);
            for (int i = 0; i < bytes.length - 1; i++) {
                skip[bytes[i] & 0xff] = bytes.length - 1 - i;
            }
        }

        /** Where the delimiter first starts in {@code data[from, to)}, or -1. */
        int in(byte[] data, int from, int to) {
            int last = bytes.length - 1;
            byte lastByte = bytes[last];
            for (int i = from + last; i < to; i += skip[data[i] & 0xff]) {
                if (data[i] == lastByte && Arrays.equals(data, i - last, i, bytes, 0, last)) {
                    return i - last;
                }
            }
            return -1;
        }
    }
}
