package vn.docket.command.notice.reading;

/**
 * A stretch of text that names a unit. {@code unit} is null for generic mentions ("các cơ quan
 * liên quan") and for unit-looking names the directory does not know.
 */
public record UnitMention(String written, Unit unit, Kind kind) {

    /** LIST: a shorthand list of units of one kind ("các Bộ: Tài chính, Nội vụ"), see {@link UnitDirectory#members}. */
    public enum Kind { KNOWN, GENERIC, UNKNOWN, LIST }

    /** What goes into a reading: the canonical name, or the words as written. */
    public String display() {
        return unit != null ? unit.name() : written;
    }
}
