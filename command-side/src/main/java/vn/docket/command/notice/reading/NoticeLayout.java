package vn.docket.command.notice.reading;

import java.util.List;

/**
 * A notice cut into its parts: the head (everything before the first item), the items, each a
 * list of paragraphs whose first is the item's own heading, and the tail (closing, recipients,
 * signature).
 */
record NoticeLayout(List<String> head, List<RawItem> items, List<String> tail) {

    /** One item as written. {@code numbered} is false for items found by their wording alone. */
    record RawItem(int ordinal, List<String> paragraphs, boolean numbered) {
    }
}
