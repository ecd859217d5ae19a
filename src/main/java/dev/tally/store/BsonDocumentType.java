package dev.tally.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps a collection's documents in H2: as BSON, the wire server's own codec, instead of H2's
 * default Java serialization. A finished job holds its word count as a sub-document of thousands of fields; Java
 * serialization of those was most of the store's CPU, and H2 estimated such a document's heap at its average
 * serialized size, so unsaved pages of full-size documents piled up past the heap (OutOfMemoryError under make
 * bench). Here a document's memory is estimated from its contents, so H2 writes and evicts in time. Values written
 * by H2's Java serialization before still read: they start with its type tags, BSON values with {@link #TAG}.
 *
 * <p>The price is throughput: with every large document counted at its size, H2 commits far more often, and 8
 * writers of 15,000-field documents manage about 5 a second (H2's sampled estimate: 30 a second, and 400 MB of heap
 * for 200 documents). mongo-java-server on H2 does not sustain finished jobs with inline word counts at bench rates;
 * MongoDB stores them as they are (bench/limits.md).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** Above every type tag of H2's ObjectDataType (the highest is below 128). */
    private static final byte TAG = (byte) 0xB5;

    /** One per thread: H2's ObjectDataType is not thread-safe (see {@link PositionType}). */
    private static final ThreadLocal<ObjectDataType> JAVA_SERIALIZED = ThreadLocal.withInitial(ObjectDataType::new);

    private BsonDocumentType() {}

    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, HeapEstimate.of(document));
    }

    /** Every document is estimated: they range from a few hundred bytes to megabytes, so no sample stands for all. */
    @Override
    public boolean isMemoryEstimationAllowed() {
        return false;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(TAG);
            buffer.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != TAG) {
            return (Document) JAVA_SERIALIZED.get().read(buffer);
        }
        buffer.get();
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
