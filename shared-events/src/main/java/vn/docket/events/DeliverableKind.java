package vn.docket.events;

/** What the assignment must deliver: Kế hoạch, Báo cáo, Đề án, Chương trình, or anything else. */
public enum DeliverableKind {
    PLAN, REPORT, SCHEME, PROGRAMME, OTHER
}
