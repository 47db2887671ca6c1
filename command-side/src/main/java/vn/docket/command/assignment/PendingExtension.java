package vn.docket.command.assignment;

import java.time.LocalDate;

/** The date an extension request asks for, and why, while it awaits a leader's decision. */
record PendingExtension(LocalDate asked, String reason) {
}
