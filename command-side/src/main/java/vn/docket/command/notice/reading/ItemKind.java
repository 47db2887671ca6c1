package vn.docket.command.notice.reading;

/** The deliverable an item is about. */
public enum ItemKind { PLAN, REPORT, SCHEME, PROGRAMME, OTHER }
