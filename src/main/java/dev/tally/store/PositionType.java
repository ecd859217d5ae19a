package dev.tally.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps a document's position in H2: the key of a collection's data map and the value of
 * its unique indexes. mongo-java-server's H2 backend uses the document's {@code _id} as its position, and H2
 * Java-serialized each ObjectId, on every page read. Here an ObjectId is a tag and its 12 bytes, Missing a tag; any other
 * position, and every position written before, goes through H2's own encoding. Positions compare as H2 always
 * compared them, so maps written before keep their order.
 */
final class PositionType extends BasicDataType<Object> {

    static final PositionType INSTANCE = new PositionType();

    /** Above every type tag of H2's ObjectDataType, and not {@link BsonDocumentType}'s. */
    private static final byte OBJECT_ID = (byte) 0xB6;
    /** mongo-java-server's Missing, which a Java-serialized copy would no longer equal. */
    private static final byte MISSING = (byte) 0xB7;

    private static final int OBJECT_ID_BYTES = 12;

    /**
     * H2's ObjectDataType keeps the type it saw last in a field: shared by the store's threads, one thread's switch
     * made another's comparison find two types and fail ("Can not compare", under load in make bench and once in
     * CompactKeyIndexTest). One per thread.
     */
    private static final ThreadLocal<ObjectDataType> H2 = ThreadLocal.withInitial(ObjectDataType::new);

    private PositionType() {}

    @Override
    public int getMemory(Object position) {
        return position instanceof ObjectId || position instanceof Missing
                ? 48
                : H2.get().getMemory(position);
    }

    @Override
    public void write(WriteBuffer buffer, Object position) {
        if (position instanceof ObjectId id) {
            buffer.put(OBJECT_ID).put(id.toByteArray());
        } else if (position instanceof Missing) {
            buffer.put(MISSING);
        } else {
            H2.get().write(buffer, position);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte tag = buffer.get(buffer.position());
        if (tag == MISSING) {
            buffer.get();
            return Missing.getInstance();
        }
        if (tag != OBJECT_ID) {
            return H2.get().read(buffer);
        }
        buffer.get();
        byte[] id = new byte[OBJECT_ID_BYTES];
        buffer.get(id);
        return new ObjectId(id);
    }

    @Override
    public int compare(Object a, Object b) {
        // what H2 does for two ObjectIds (Comparable, of one class), without its type lookups
        if (a instanceof ObjectId first && b instanceof ObjectId second && a.getClass() == b.getClass()) {
            return first.compareTo(second);
        }
        return H2.get().compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
