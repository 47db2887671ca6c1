package vn.docket.command.notice.reading;

import java.time.LocalDate;
import java.util.List;

/**
 * A deadline as found: {@code date} is null when the words give no calendar date ("trình kỳ họp
 * Ban Thường vụ Thành ủy tháng 11/2020"); {@code text} keeps the words; {@code doubts} says what a
 * clerk should check (a computed or assumed date).
 */
record Deadline(LocalDate date, String text, int position, List<Doubt> doubts) {
}
