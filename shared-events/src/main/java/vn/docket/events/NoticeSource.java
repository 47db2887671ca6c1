package vn.docket.events;

/** Where an assignment came from: the conclusion notice's number (e.g. "311/TB-UBND") and the item in it. */
public record NoticeSource(String notice, Integer item) {
}
