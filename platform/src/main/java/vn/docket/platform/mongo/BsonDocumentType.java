package vn.docket.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded server's documents are written into the H2 file: as BSON, the server's own wire encoding,
 * instead of H2's default, Java serialization, which wrote every document with the class descriptions of the
 * server's document and map classes and read it back through reflection. A commit writes every page a write
 * touched, each with all the documents on it, under a lock that holds every other write back; the commit,
 * most of it Java serialization, was a fifth of all samples under commands (bench/README.md, "A create's
 * cost in the embedded server").
 *
 * <p>A document is written as a tag H2's own type never uses, then its BSON. A data file written before holds
 * documents in Java serialization; those are read as before (any other tag goes to H2's type) and written as
 * BSON when their page is next written. A value BSON cannot carry (none of Docket's), or a document larger than
 * BSON's 16 MB, is written as before.
 */
final class BsonDocumentType extends ObjectDataType {

    /** Not a tag of {@link ObjectDataType} (its tags are 0-19 and 32-119). */
    static final byte BSON = (byte) 0xB5;

    /**
     * What a document takes in memory, as H2 estimates a serialized value: twice its stored size, averaged over the
     * documents written and read. Not each document's own: H2 asks for it for every document of every page it reads
     * from the file, and encoding each again made reading by key slower than before (bench/README.md). Read too, as
     * H2's own type averages them: after a restart nothing is written for a while, and at its first guess a file's
     * 255 KB chunks counted for 1 KB each in H2's cache, which then held far more than its size on the heap.
     */
    private volatile int memory = 1024;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        ByteBuf bson = bson(value);
        if (bson == null) {
            super.write(buffer, value);
            return;
        }
        buffer.put(BSON).put(bson.array(), bson.arrayOffset(), bson.readableBytes());
        memory = averaged(memory, bson.readableBytes());
    }

    /**
     * H2's own estimate of a serialized value's memory, kept on every write and read: twice the stored size, as a
     * running average (one sample in 16). Unsynchronised: a race loses one sample, no more.
     */
    static int averaged(int memory, int stored) {
        return (int) ((15L * memory + 2L * stored) / 16);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return super.read(buffer);
        }
        buffer.get();
        byte[] bson = new byte[Integer.reverseBytes(buffer.getInt(buffer.position()))];
        buffer.get(bson);
        memory = averaged(memory, bson.length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? memory : super.getMemory(value);
    }

    /**
     * The value as BSON, or null if it is not a document, holds a value BSON cannot carry, or is larger than the
     * decoder reads back: the server lets an update grow a document past 16 MB, and such a document written as BSON
     * made its page, and with it the whole file, unreadable at the next start (BsonDocumentTypeTest).
     */
    private static ByteBuf bson(Object value) {
        if (!(value instanceof Document document)) {
            return null;
        }
        ByteBuf bson = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException notBson) {
            return null;
        }
        return bson.readableBytes() > BsonConstants.MAX_BSON_OBJECT_SIZE ? null : bson;
    }
}
