package vn.docket.command.notice.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a deadline in the words of an item. A date counts only when a deadline phrase introduces
 * it ("chậm nhất ngày", "xong trước ngày", "trước 16 giờ ngày"), so the dates of cited documents
 * ("Công văn số 415/UBND-VP ngày 02/3/2021") are never taken for deadlines.
 */
final class DeadlineReader {

    private static final String FLAGS = "(?iuU)";

    /** group 1 the hour; then the date groups of {@link VietnameseDates#DATE} from group 2. */
    private static final Pattern BY_DATE = Pattern.compile(FLAGS
            + "(?:(?:hoàn thành|hoàn thiện xong|xong)\\s+)?"
            + "(?:chậm nhất|muộn nhất|trước|hạn chót|hạn cuối|đến hết|trong)\\s+(?:là\\s+|đến\\s+)?"
            + "(?:(\\d{1,2})\\s*(?:giờ|h)(?:\\s*\\d{1,2}\\s*(?:phút)?)?\\s*,?\\s*)?"
            + "(?:(?:ngày|hôm)\\s+)?" + VietnameseDates.DATE);

    /**
     * "Báo cáo kết quả ... vào ngày 15.8.2018": the day a result is due. "vào ngày" after other verbs
     * ("kỳ họp dự kiến tổ chức vào ngày 26/12") dates an event, not a deadline. Group 1 the phrase.
     */
    private static final Pattern DELIVERED_ON = Pattern.compile(FLAGS
            + "(?<!\\p{L})(?:báo cáo|gửi|nộp|" + Words.submitting(false, "trình") + "|hoàn thành|xong)\\b[^.;]{0,80}?(vào\\s+(?:ngày\\s+)?" + VietnameseDates.DATE + ")");

    /**
     * The words that make a month or a quarter a deadline ("hoàn thành quý IV năm 2026"); "sang" moves
     * the work to it ("lùi sang tháng 12"). One group.
     */
    private static final String BY_PERIOD = "((?:(?:hoàn thành|xong)\\s+)?(?:trong|trước|chậm nhất trong|chậm nhất|cuối|hết|sang)\\s+|(?:hoàn thành|xong)\\s+)";

    private static final Pattern IN_MONTH = Pattern.compile(FLAGS
            + BY_PERIOD + "tháng\\s+(\\d{1,2})(?:\\s*(?:/|năm)\\s*(\\d{4}))?(?![\\d/])");

    /** Group 1 the leading word, 2 the quarter, 3 the year. */
    private static final Pattern IN_QUARTER = Pattern.compile(FLAGS
            + BY_PERIOD + "quý\\s+(IV|III|II|I|[1-4])\\s*(?:/|năm)\\s*(\\d{4})");

    /** "trước ngày 25 hằng tháng": a day that comes back every month (or quarter), no single date. */
    private static final Pattern DAY_OF_EVERY = Pattern.compile(FLAGS
            + "(?:chậm nhất|muộn nhất|trước|hạn chót|hạn cuối|vào)\\s+(?:(?:ngày|hôm)\\s+)?\\d{1,2}(?![\\d/.-])\\s+(?:của\\s+)?(?:hằng|hàng)\\s+(?:tháng|quý|tuần)");

    /**
     * "chậm nhất ngày 25 của tháng trước tháng tổ chức phiên họp": a day whose month is told by another
     * event, no calendar date; the words up to the end of the clause are kept.
     */
    private static final Pattern DAY_OF_ANOTHER_MONTH = Pattern.compile(FLAGS
            + "(?:chậm nhất|muộn nhất|trước|hạn chót|hạn cuối)\\s+(?:là\\s+)?ngày\\s+\\d{1,2}(?![\\d/.-])"
            + "(?!\\s*(?:tháng\\s+\\d|(?:của\\s+)?(?:hằng|hàng)\\s))[^,.;:()]{0,80}");

    private static final Pattern WITHIN_DAYS = Pattern.compile(FLAGS
            + "trong\\s+(?:thời hạn|vòng|thời gian)\\s+(\\d{1,3})\\s+ngày(\\s+làm việc)?"
            + "(?:\\s*,?\\s*(?:kể từ|tính từ)\\s+ngày\\s+([\\p{L} ]{1,40}?)(?=[,.;)]|\\s+(?:để|phải|cho|và|gửi|báo cáo|trình)\\b|$))?");

    private static final Pattern MEETING_BOUND = Pattern.compile(FLAGS
            + "(?:trước khi\\s+)?" + Words.submitting(false, "trình") + "\\s+(?:(?!trình)[^.;]){0,60}?(?:kỳ|phiên)\\s+họp\\s+[^.;]{0,80}?tháng\\s+\\d{1,2}\\s*/\\s*\\d{4}");

    /** Right after a date: the limit comes back every year, month or day. */
    private static final Pattern RECURRING = Pattern.compile(FLAGS + "\\s*(?:của\\s+)?(?:hằng|hàng)\\s+(?:năm|tháng|quý|tuần|ngày)");
    /** Right before a date introduced by "đến hết": the start of a period ("từ ngày 10/5/2026 đến hết ngày 14/5/2026"). */
    private static final Pattern PERIOD_START = Pattern.compile(FLAGS + "\\btừ\\s+(?:ngày\\s+)?" + VietnameseDates.DATE + "\\s*$");

    private static final Doubt RECURRING_DOUBT = Doubt.of("deadline-recurring", "hạn lặp lại định kỳ, không có một ngày cụ thể");
    private static final Doubt YEAR_ASSUMED = Doubt.of("deadline-year-assumed", "năm của hạn không ghi, lấy theo năm của văn bản");

    private final WorkingDays workingDays;

    DeadlineReader(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /**
     * The first deadline in {@code text}. Dates win over meeting-bound wording: "trước khi trình
     * kỳ họp ..." only counts when no date is given.
     *
     * @param issuedOn  start of relative deadlines; may be null
     * @param reference supplies the year when a date omits it; may be null
     */
    Optional<Deadline> find(String text, LocalDate issuedOn, LocalDate meetingOn, LocalDate reference) {
        List<Deadline> found = new ArrayList<>();
        Matcher m = BY_DATE.matcher(text);
        while (m.find()) {
            Optional<LocalDate> date = VietnameseDates.fromGroups(m, 2, reference);
            Matcher recurring = RECURRING.matcher(text).region(m.end(), text.length());
            Matcher period = PERIOD_START.matcher(text.substring(Math.max(0, m.start() - 60), m.start()));
            if (recurring.lookingAt()) {
                // "trước ngày 30 tháng 6 hằng năm": every year, no single date.
                found.add(new Deadline(null, text.substring(m.start(), recurring.end()).strip(), m.start(),
                        List.of(RECURRING_DOUBT)));
            } else if (period.find()) {
                // "từ ngày 10/5 đến hết ngày 14/5": a period during which the work is done, not a deadline.
                int start = Math.max(0, m.start() - 60) + period.start();
                found.add(new Deadline(null, text.substring(start, m.end()).strip(), start,
                        List.of(Doubt.of("deadline-period", "văn bản nêu một khoảng thời gian thực hiện, không phải thời hạn"))));
            } else if (date.isPresent()) {
                List<Doubt> doubts = VietnameseDates.yearMissing(m, 2)
                        ? List.of(YEAR_ASSUMED) : List.of();
                found.add(new Deadline(date.get(), m.group().strip(), m.start(), doubts));
            }
        }
        m = DELIVERED_ON.matcher(text);
        while (m.find()) {
            Optional<LocalDate> date = VietnameseDates.fromGroups(m, 2, reference);
            if (date.isPresent() && !RECURRING.matcher(text).region(m.end(), text.length()).lookingAt()) {
                List<Doubt> doubts = VietnameseDates.yearMissing(m, 2)
                        ? List.of(YEAR_ASSUMED) : List.of();
                found.add(new Deadline(date.get(), m.group(1).strip(), m.start(1), doubts));
            }
        }
        m = IN_MONTH.matcher(text);
        while (m.find()) {
            LocalDate ref = m.group(3) != null ? null : reference;
            if (m.group(3) == null && ref == null) {
                continue;
            }
            int year = m.group(3) != null ? Integer.parseInt(m.group(3)) : ref.getYear();
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                continue;
            }
            // A month is no calendar date: the words are kept and the clerk picks a day if one is wanted.
            found.add(new Deadline(null, m.group().strip(), m.start(),
                    List.of(Doubt.of("deadline-month-only", "hạn chỉ ghi tháng " + month + "/" + year + ", không có ngày cụ thể",
                            "month", month + "/" + year))));
        }
        m = IN_QUARTER.matcher(text);
        while (m.find()) {
            int quarter = switch (m.group(2).toUpperCase()) {
                case "I", "1" -> 1;
                case "II", "2" -> 2;
                case "III", "3" -> 3;
                default -> 4;
            };
            found.add(new Deadline(null, m.group().strip(), m.start(),
                    List.of(Doubt.of("deadline-quarter-only", "hạn chỉ ghi quý " + quarter + "/" + m.group(3)
                            + ", không có ngày cụ thể", "quarter", quarter + "/" + m.group(3)))));
        }
        m = DAY_OF_EVERY.matcher(text);
        while (m.find()) {
            found.add(new Deadline(null, m.group().strip(), m.start(), List.of(RECURRING_DOUBT)));
        }
        m = DAY_OF_ANOTHER_MONTH.matcher(text);
        while (m.find()) {
            found.add(new Deadline(null, m.group().strip(), m.start(), List.of(Doubt.of("deadline-relative-month",
                    "hạn chỉ ghi ngày, tháng tính theo một việc khác: không có ngày cụ thể"))));
        }
        m = WITHIN_DAYS.matcher(text);
        while (m.find()) {
            found.add(relative(m, issuedOn, meetingOn));
        }
        Optional<Deadline> dated = found.stream().min((a, b) -> Integer.compare(a.position(), b.position()));
        if (dated.isPresent()) {
            return dated;
        }
        m = MEETING_BOUND.matcher(text);
        if (m.find()) {
            return Optional.of(new Deadline(null, m.group().strip(), m.start(),
                    List.of(Doubt.of("deadline-meeting-bound", "hạn gắn với kỳ họp, không có ngày cụ thể"))));
        }
        return Optional.empty();
    }

    /** True when {@code text} sets a time limit of any kind, a calendar date or not ("chậm nhất ngày 25 của tháng trước ..."). */
    static boolean setsLimit(String text) {
        return Stream.of(BY_DATE, DELIVERED_ON, IN_MONTH, IN_QUARTER, DAY_OF_EVERY, DAY_OF_ANOTHER_MONTH, WITHIN_DAYS, MEETING_BOUND)
                .anyMatch(p -> p.matcher(text).find());
    }

    private Deadline relative(Matcher m, LocalDate issuedOn, LocalDate meetingOn) {
        int days = Integer.parseInt(m.group(1));
        boolean working = m.group(2) != null;
        String from = m.group(3) == null ? "" : m.group(3).toLowerCase();
        List<Doubt> doubts = new ArrayList<>();
        LocalDate start;
        if (from.contains("nhận")) {
            // Counted from the day the addressee receives the document, which the text cannot tell.
            return new Deadline(null, m.group().strip(), m.start(),
                    List.of(Doubt.of("deadline-from-receipt", "hạn tính từ ngày nhận văn bản: nhập ngày nhận để tính hạn")));
        }
        if (from.contains("họp") && meetingOn != null) {
            start = meetingOn;
        } else {
            start = issuedOn;
            if (!from.startsWith("ký") && !from.contains("ban hành")) {
                doubts.add(from.isEmpty()
                        ? Doubt.of("deadline-from-signing-unsaid", "hạn tính từ ngày ký văn bản (văn bản ghi: \"không nói từ ngày nào\")")
                        : Doubt.of("deadline-from-signing", "hạn tính từ ngày ký văn bản (văn bản ghi: \"kể từ ngày " + from + "\")",
                                "from", from));
            }
        }
        if (start == null) {
            doubts.add(Doubt.of("deadline-no-issue-date", "không tính được hạn vì văn bản chưa ghi ngày ban hành"));
            return new Deadline(null, m.group().strip(), m.start(), doubts);
        }
        LocalDate date = working ? workingDays.plusWorkingDays(start, days) : start.plusDays(days);
        String counted = "hạn được tính: " + days + (working ? " ngày làm việc" : " ngày") + " từ " + start;
        doubts.add(working ? Doubt.of("deadline-counted-working", counted, "days", days, "start", start)
                : Doubt.of("deadline-counted", counted, "days", days, "start", start));
        return new Deadline(date, m.group().strip(), m.start(), doubts);
    }
}
