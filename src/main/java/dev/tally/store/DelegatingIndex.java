package dev.tally.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/** An index that answers as the one it wraps; subclasses add the queries mongo-java-server cannot use it for. */
abstract class DelegatingIndex extends Index<Object> {

    protected final Index<Object> index;

    DelegatingIndex(Index<Object> index, boolean sparse) {
        super(index.getName(), index.getKeys(), sparse);
        this.index = index;
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return index.getPositions(query);
    }

    @Override
    public Object getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        index.add(document, position, collection);
    }

    @Override
    public Object remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        index.drop();
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }
}
