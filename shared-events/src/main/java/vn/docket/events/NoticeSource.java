package vn.docket.events;

import java.util.UUID;

/**
 * Where an assignment came from: the conclusion notice's number (e.g. "311/TB-UBND"; null for a draft
 * notice without one), the item in it, and the registered notice's id (null when typed in by hand).
 */
public record NoticeSource(String notice, Integer item, UUID noticeId) {

    public NoticeSource(String notice, Integer item) {
        this(notice, item, null);
    }
}
