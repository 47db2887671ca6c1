package vn.docket.command.notice.reading;

/** A field the clerk should check: {@code field} is a path such as "items[2].deadline". */
public record ReadingWarning(String field, String message) {
}
