package vn.docket.command.notice.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            + "(?:chậm nhất|muộn nhất|trước|hạn chót|hạn cuối|đến hết|trong)\\s+(?:là\\s+)?"
            + "(?:(\\d{1,2})\\s*(?:giờ|h)(?:\\s*\\d{1,2}\\s*(?:phút)?)?\\s*,?\\s*)?"
            + "(?:(?:ngày|hôm)\\s+)?" + VietnameseDates.DATE);

    private static final Pattern IN_MONTH = Pattern.compile(FLAGS
            + "(?:(?:hoàn thành|xong)\\s+)?(trong|trước|chậm nhất trong|chậm nhất|cuối|hết)\\s+tháng\\s+(\\d{1,2})(?:\\s*(?:/|năm)\\s*(\\d{4}))?(?![\\d/])");

    private static final Pattern IN_QUARTER = Pattern.compile(FLAGS
            + "(?:(?:hoàn thành|xong)\\s+)?(?:trong|chậm nhất trong|hết)\\s+quý\\s+(IV|III|II|I|[1-4])\\s*(?:/|năm)\\s*(\\d{4})");

    private static final Pattern WITHIN_DAYS = Pattern.compile(FLAGS
            + "trong\\s+(?:thời hạn|vòng|thời gian)\\s+(\\d{1,3})\\s+ngày(\\s+làm việc)?"
            + "(?:\\s*,?\\s*(?:kể từ|tính từ)\\s+ngày\\s+([\\p{L} ]{1,40}?)(?=[,.;)]|\\s+(?:để|phải|cho|và|gửi|báo cáo|trình)\\b|$))?");

    private static final Pattern MEETING_BOUND = Pattern.compile(FLAGS
            + "(?:trước khi\\s+)?trình\\s+(?:(?!trình)[^.;]){0,60}?(?:kỳ|phiên)\\s+họp\\s+[^.;]{0,80}?tháng\\s+\\d{1,2}\\s*/\\s*\\d{4}");

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
            if (date.isPresent()) {
                List<String> doubts = VietnameseDates.yearMissing(m, 2)
                        ? List.of("năm của hạn không ghi, lấy theo năm của thông báo") : List.of();
                found.add(new Deadline(date.get(), m.group().strip(), m.start(), doubts));
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
            LocalDate date = m.group(1).equalsIgnoreCase("trước")
                    ? LocalDate.of(year, month, 1).minusDays(1)
                    : VietnameseDates.endOfMonth(year, month);
            List<String> doubts = new ArrayList<>();
            doubts.add("hạn chỉ ghi tháng; lấy ngày " + date);
            if (m.group(3) == null) {
                doubts.add("năm của hạn không ghi, lấy theo năm của thông báo");
            }
            found.add(new Deadline(date, m.group().strip(), m.start(), doubts));
        }
        m = IN_QUARTER.matcher(text);
        while (m.find()) {
            int quarter = switch (m.group(1).toUpperCase()) {
                case "I", "1" -> 1;
                case "II", "2" -> 2;
                case "III", "3" -> 3;
                default -> 4;
            };
            LocalDate date = VietnameseDates.endOfMonth(Integer.parseInt(m.group(2)), quarter * 3);
            found.add(new Deadline(date, m.group().strip(), m.start(), List.of("hạn ghi theo quý; lấy ngày cuối quý " + date)));
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
                    List.of("hạn gắn với kỳ họp, không có ngày cụ thể")));
        }
        return Optional.empty();
    }

    private Deadline relative(Matcher m, LocalDate issuedOn, LocalDate meetingOn) {
        int days = Integer.parseInt(m.group(1));
        boolean working = m.group(2) != null;
        String from = m.group(3) == null ? "" : m.group(3).toLowerCase();
        List<String> doubts = new ArrayList<>();
        LocalDate start;
        if (from.contains("họp") && meetingOn != null) {
            start = meetingOn;
        } else {
            start = issuedOn;
            if (!from.startsWith("ký") && !from.contains("ban hành")) {
                doubts.add("hạn tính từ ngày ký thông báo (văn bản ghi: \"" + (from.isEmpty() ? "không nói từ ngày nào" : "kể từ ngày " + from) + "\")");
            }
        }
        if (start == null) {
            doubts.add("không tính được hạn vì thông báo chưa ghi ngày ban hành");
            return new Deadline(null, m.group().strip(), m.start(), doubts);
        }
        LocalDate date = working ? workingDays.plusWorkingDays(start, days) : start.plusDays(days);
        doubts.add("hạn được tính: " + days + (working ? " ngày làm việc" : " ngày") + " từ " + start);
        return new Deadline(date, m.group().strip(), m.start(), doubts);
    }
}
