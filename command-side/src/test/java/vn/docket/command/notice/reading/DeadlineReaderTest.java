package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeadlineReaderTest {

    private static final LocalDate ISSUED = LocalDate.of(2022, 3, 8); // a Tuesday
    private static final LocalDate MEETING = LocalDate.of(2022, 3, 4);
    /** Weekends off and no holiday, so that each case counts days plainly; the holidays have their own test. */
    private static final WorkingDays WEEKENDS_OFF = day -> day.getDayOfWeek().getValue() < 6;
    private final DeadlineReader reader = new DeadlineReader(WEEKENDS_OFF);

    private Optional<Deadline> find(String text) {
        return reader.find(text, ISSUED, MEETING, ISSUED);
    }

    @Test
    void reads_the_deadline_after_cham_nhat_ngay() {
        Deadline d = find("gửi phòng TC-KH chậm nhất ngày 20/4/2021 để tổng hợp.").orElseThrow();
        assertThat(d.date()).isEqualTo(LocalDate.of(2021, 4, 20));
        assertThat(d.text()).isEqualTo("chậm nhất ngày 20/4/2021");
    }

    @Test
    void reads_cham_nhat_den_ngay() {
        Deadline d = find("Chậm nhất đến ngày 15/8/2022 phải bàn giao mặt bằng cho chủ đầu tư.").orElseThrow();
        assertThat(d.date()).isEqualTo(LocalDate.of(2022, 8, 15));
        assertThat(d.text()).isEqualTo("Chậm nhất đến ngày 15/8/2022");
    }

    @Test
    void reads_xong_truoc_ngay_and_hoan_thanh_truoc_ngay() {
        assertThat(find("Thời gian hoàn thiện xong trước ngày 25/4/2021, trình Lãnh đạo").orElseThrow().date())
                .isEqualTo(LocalDate.of(2021, 4, 25));
        assertThat(find("hoàn thành trước ngày 28/5/2021.").orElseThrow().text()).isEqualTo("hoàn thành trước ngày 28/5/2021");
    }

    @Test
    void reads_the_day_a_result_is_due_after_vao_ngay_but_not_the_day_of_an_event() {
        Deadline d = find("Báo cáo kết quả thực hiện về Sở Tài chính vào ngày 15.8.2022.").orElseThrow();
        assertThat(d.date()).isEqualTo(LocalDate.of(2022, 8, 15));
        assertThat(d.text()).isEqualTo("vào ngày 15.8.2022");
        assertThat(find("Tập trung cho kỳ họp thứ 7, dự kiến tổ chức vào ngày 26/12/2022.")).isEmpty();
    }

    @Test
    void reads_a_date_written_in_words() {
        assertThat(find("báo cáo trước ngày 10 tháng 11 năm 2020.").orElseThrow().date()).isEqualTo(LocalDate.of(2020, 11, 10));
    }

    @Test
    void reads_an_hour_before_the_date() {
        Deadline d = find("báo cáo Chủ tịch UBND tỉnh trước 16 giờ ngày 15/3/2022.").orElseThrow();
        assertThat(d.date()).isEqualTo(LocalDate.of(2022, 3, 15));
        assertThat(d.text()).isEqualTo("trước 16 giờ ngày 15/3/2022");
    }

    @Test
    void keeps_a_month_only_deadline_as_words_without_a_date() {
        Deadline d = find("hoàn thành trong tháng 5/2021.").orElseThrow();
        assertThat(d.date()).isNull();
        assertThat(d.text()).isEqualTo("hoàn thành trong tháng 5/2021");
        assertThat(find("trong tháng 2 năm 2024").orElseThrow().date()).isNull();
    }

    @Test
    void keeps_a_quarter_as_words_without_a_date() {
        Deadline d = find("ký ban hành trong quý III/2022.").orElseThrow();
        assertThat(d.date()).isNull();
        assertThat(d.text()).isEqualTo("trong quý III/2022");
    }

    @Test
    void a_month_or_quarter_the_work_is_moved_to_keeps_its_words_without_a_date() {
        Deadline month = find("lùi thời điểm đưa vào sử dụng sang tháng 12 năm 2026 do thiếu vốn.").orElseThrow();
        assertThat(month.date()).isNull();
        assertThat(month.text()).isEqualTo("sang tháng 12 năm 2026");
        assertThat(month.doubts()).anyMatch(m -> m.message().contains("hạn chỉ ghi tháng 12/2026"));
        Deadline quarter = find("đưa trạm bơm vào vận hành trước quý IV năm 2026.").orElseThrow();
        assertThat(quarter.date()).isNull();
        assertThat(quarter.text()).isEqualTo("trước quý IV năm 2026");
        assertThat(quarter.doubts()).anyMatch(m -> m.message().contains("hạn chỉ ghi quý 4/2026"));
        Deadline done = find("Sở Xây dựng hoàn thành quý IV năm 2026, báo cáo UBND tỉnh.").orElseThrow();
        assertThat(done.date()).isNull();
        assertThat(done.text()).isEqualTo("hoàn thành quý IV năm 2026");
    }

    @Test
    void a_day_of_every_month_is_kept_as_words_without_a_date() {
        Deadline d = find("tổng hợp số hộ nghèo phát sinh, gửi Phòng Lao động trước ngày 25 hằng tháng.").orElseThrow();
        assertThat(d.date()).isNull();
        assertThat(d.text()).isEqualTo("trước ngày 25 hằng tháng");
        assertThat(d.doubts()).anyMatch(m -> m.message().contains("lặp lại"));
    }

    @Test
    void a_day_whose_month_another_event_sets_is_kept_as_words_without_a_date() {
        Deadline d = find("gửi dự thảo về Sở Nội vụ chậm nhất ngày 10 của tháng trước tháng diễn ra kỳ họp, để thẩm định.").orElseThrow();
        assertThat(d.date()).isNull();
        assertThat(d.text()).isEqualTo("chậm nhất ngày 10 của tháng trước tháng diễn ra kỳ họp");
        assertThat(d.doubts()).isNotEmpty();
        assertThat(find("báo cáo trước ngày 10 tháng 11 năm 2020.").orElseThrow().date()).isEqualTo(LocalDate.of(2020, 11, 10));
    }

    @Test
    void a_recurring_limit_has_no_single_date() {
        Deadline d = find("gửi Bộ trước ngày 30 tháng 6 hằng năm.").orElseThrow();
        assertThat(d.date()).isNull();
        assertThat(d.text()).isEqualTo("trước ngày 30 tháng 6 hằng năm");
        assertThat(find("báo cáo trước ngày 25 hàng tháng").map(Deadline::date)).isEmpty();
    }

    @Test
    void a_period_of_work_is_not_a_deadline() {
        Deadline d = find("treo cờ Tổ quốc từ ngày 10/5/2026 đến hết ngày 14/5/2026.").orElseThrow();
        assertThat(d.date()).isNull();
        assertThat(d.text()).isEqualTo("từ ngày 10/5/2026 đến hết ngày 14/5/2026");
    }

    @Test
    void counts_working_days_from_the_issue_date() {
        Deadline d = find("trong thời hạn 07 ngày làm việc kể từ ngày ký Thông báo này.").orElseThrow();
        assertThat(d.date()).isEqualTo(LocalDate.of(2022, 3, 17)); // skips the weekend of 12-13 March
        assertThat(d.text()).isEqualTo("trong thời hạn 07 ngày làm việc kể từ ngày ký Thông báo này");
    }

    @Test
    void counts_calendar_days_when_the_text_does_not_say_working_days() {
        assertThat(find("trong thời hạn 10 ngày kể từ ngày ký.").orElseThrow().date()).isEqualTo(LocalDate.of(2022, 3, 18));
    }

    @Test
    void counts_from_the_meeting_when_the_text_says_so_and_warns_about_receipt_dates() {
        assertThat(find("trong thời hạn 05 ngày làm việc kể từ ngày họp.").orElseThrow().date()).isEqualTo(LocalDate.of(2022, 3, 11));
        Deadline fromReceipt = find("trong thời hạn 05 ngày làm việc kể từ ngày nhận được Thông báo.").orElseThrow();
        assertThat(fromReceipt.date()).as("the day of receipt is not in the text").isNull();
        assertThat(fromReceipt.doubts()).anyMatch(m -> m.message().contains("nhận"));
    }

    @Test
    void plugs_in_another_working_day_calendar() {
        LocalDate holiday = LocalDate.of(2022, 3, 9);
        DeadlineReader withHoliday = new DeadlineReader(day -> WEEKENDS_OFF.isWorkingDay(day) && !day.equals(holiday));
        assertThat(withHoliday.find("trong thời hạn 01 ngày làm việc kể từ ngày ký", ISSUED, MEETING, ISSUED).orElseThrow().date())
                .isEqualTo(LocalDate.of(2022, 3, 10));
    }

    @Test
    void never_takes_the_date_of_a_cited_document_for_a_deadline() {
        assertThat(find("theo Công văn số 415/UBND-VP ngày 02/3/2021 của UBND thành phố")).isEmpty();
        assertThat(find("triển khai thực hiện Nghị quyết 09-NQ/TU, ngày 28/12/2020 của Ban Chấp hành")).isEmpty();
        assertThat(find("TP dự họp theo GM 101/GM-UBND ngày 10/3/2021;")).isEmpty();
        Deadline d = find("theo Công văn số 512/UBND-KTN ngày 20/01/2022, hoàn thành trước ngày 30/3/2022.").orElseThrow();
        assertThat(d.date()).isEqualTo(LocalDate.of(2022, 3, 30));
    }

    @Test
    void keeps_the_words_of_a_deadline_bound_to_a_meeting_without_a_date() {
        Deadline d = find("xét duyệt trước khi trình tại kỳ họp Ban Thường vụ Thành ủy tháng 4/2021.").orElseThrow();
        assertThat(d.date()).isNull();
        assertThat(d.text()).isEqualTo("trước khi trình tại kỳ họp Ban Thường vụ Thành ủy tháng 4/2021");
    }

    @Test
    void finds_no_deadline_where_there_is_none() {
        assertThat(find("UBND thành phố cơ bản nhất trí, giao phòng Kinh tế hoàn thiện Đề án trong năm 2021.")).isEmpty();
    }

    @Test
    void takes_the_year_of_the_notice_when_a_date_omits_it_and_says_so() {
        Deadline d = find("gửi về Sở Tài chính trước ngày 25/3 để tổng hợp").orElseThrow();
        assertThat(d.date()).isEqualTo(LocalDate.of(2022, 3, 25));
        assertThat(d.doubts()).isNotEmpty();
    }
}
