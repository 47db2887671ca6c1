package vn.docket.platform.eventstore;

/**
 * An event holds text that MongoDB cannot store as it is: half of a UTF-16 surrogate pair with no other
 * half (JSON lets a client write one as the escape backslash-u-D800). BSON stores UTF-8, which has no such thing, so
 * the stored text would differ from what the aggregate decided on, and the event's hash, taken over the
 * stored text, could never match. The engine refuses the whole append before it takes a position, so
 * nothing is written.
 */
public class UnstorableText extends IllegalArgumentException {

    private final String field;

    UnstorableText(String field, int index, char surrogate) {
        super(String.format("The event's %s holds half of a surrogate pair (U+%04X at character %d), which is not"
                + " Unicode text and cannot be stored exactly; nothing was stored", field, (int) surrogate, index));
        this.field = field;
    }

    /** Which stored field held it: payload, metaData, aggregateIdentifier, ... */
    public String field() {
        return field;
    }
}
