package vn.docket.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** The insert that every node may race for: the unique key decides who wrote first. */
public final class Inserts {

    private Inserts() {
    }

    /** True if this call inserted {@code doc}; false if a document with its unique key was there; else it throws. */
    public static boolean ifAbsent(MongoCollection<Document> collection, Document doc) {
        try {
            collection.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }
}
