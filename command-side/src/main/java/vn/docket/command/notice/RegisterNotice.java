package vn.docket.command.notice;

import java.time.LocalDate;
import java.util.UUID;
import vn.docket.events.NoticeParticulars;

/**
 * Registers a conclusion notice whose read-out a clerk has checked: its particulars as confirmed (text cleaned),
 * the SHA-256 of the file it was read from, how many items it has and the day it takes effect.
 */
public record RegisterNotice(UUID noticeId, NoticeParticulars notice, String sourceSha256, int items, LocalDate effectiveDate) {
}
