package vn.docket.events;

import java.util.UUID;

/** What can happen to a registered conclusion notice. */
public sealed interface NoticeEvent permits NoticeRegistered, NoticeNumbered, NoticeNumberCorrected {

    UUID noticeId();
}
