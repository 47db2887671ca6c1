package vn.docket.platform.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.bson.BsonBinary;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The text read from a file, as its description keeps it so that drafts are read and compared without reading their
 * files again. Kept deflated ({@code textDeflated}, UTF-8 through zlib): plain, it cost three times the .docx it came
 * from in every version. Descriptions written before 04/12/2026 hold it plain ({@code text}); both read alike,
 * nothing was migrated. zlib's checksum tells a damaged text, and inflating stops at a limit, so a damaged or
 * forged description cannot fill the heap.
 */
public final class StoredText {

    static final String DEFLATED = "textDeflated";
    /** How descriptions written before kept it. */
    static final String PLAIN = "text";

    /** The stored text cannot be read back: damaged, or larger than the limit. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private StoredText() {
    }

    /** The facts of a file's description with its text added, the one way it is written. */
    public static Document with(Document facts, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(utf8);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 4 + 64);
            byte[] buffer = new byte[16 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return facts.append(DEFLATED, new BsonBinary(out.toByteArray()));
        } finally {
            deflater.end();
        }
    }

    /**
     * A description's text, deflated or plain; empty if it has none. Stops beyond {@code maxBytes} of UTF-8.
     * @throws Unreadable if it does not inflate whole and intact within that
     */
    public static String of(Document description, long maxBytes) {
        String plain = description.getString(PLAIN);
        if (plain != null) {
            return plain;
        }
        Object stored = description.get(DEFLATED);
        if (stored == null) {
            return "";
        }
        byte[] deflated = stored instanceof Binary binary ? binary.getData()
                : stored instanceof BsonBinary binary ? binary.getData() : null;
        if (deflated == null) {
            throw new Unreadable("the stored text is not binary");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, deflated.length * 4L));
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Unreadable("the stored text is cut short");
                }
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new Unreadable("the stored text inflates beyond " + maxBytes + " bytes");
                }
            }
            if (inflater.getRemaining() > 0) {
                throw new Unreadable("the stored text has bytes after its end");
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new Unreadable("the stored text is damaged (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }
}
