package vn.docket.query.support;

import java.util.List;
import java.util.function.Function;
import org.bson.Document;

/**
 * A read model (or a part of one) kept as a record: its codec sits with it, {@link #toDocument()} to store it and a
 * static {@code read(Document)} to read it back, so that its field names are written in one place only. The names
 * are those of the stored documents, which an existing database already holds.
 */
public interface ReadModel {

    Document toDocument();

    /** The part as stored: null stays null. */
    static Document write(ReadModel part) {
        return part == null ? null : part.toDocument();
    }

    static List<Document> writeAll(List<? extends ReadModel> parts) {
        return parts == null ? null : parts.stream().map(ReadModel::toDocument).toList();
    }

    /** The stored part {@code key} of {@code doc} read back, or null when it has none. */
    static <R> R part(Document doc, String key, Function<Document, R> read) {
        Document part = doc.get(key, Document.class);
        return part == null ? null : read.apply(part);
    }

    static <R> List<R> parts(Document doc, String key, Function<Document, R> read) {
        List<Document> parts = doc.getList(key, Document.class);
        return parts == null ? null : parts.stream().map(read).toList();
    }
}
