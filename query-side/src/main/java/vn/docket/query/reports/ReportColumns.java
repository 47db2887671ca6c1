package vn.docket.query.reports;

import java.util.List;
import java.util.function.Function;

/** The report's columns, shared by the sheet and the CSV so that both say the same thing. */
final class ReportColumns {

    record Column(String header, Function<FollowUpReport.Row, Object> value) {
    }

    /** After STT and the unit: the figures, in the order of the printed table. */
    static final List<Column> FIGURES = List.of(
            new Column("Giao trong kỳ", FollowUpReport.Row::assigned),
            new Column("Kỳ trước chuyển sang", FollowUpReport.Row::carriedOver),
            new Column("Tổng số", FollowUpReport.Row::total),
            new Column("Hoàn thành đúng hạn", FollowUpReport.Row::doneOnTime),
            new Column("Hoàn thành quá hạn", FollowUpReport.Row::doneLate),
            new Column("Đang thực hiện trong hạn", FollowUpReport.Row::openWithinDeadline),
            new Column("Quá hạn (tổng)", FollowUpReport.Row::openOverdue),
            new Column("Quá hạn dưới 30 ngày", FollowUpReport.Row::openOverdueUnder30Days),
            new Column("Quá hạn từ 30 đến 90 ngày", FollowUpReport.Row::openOverdue30To90Days),
            new Column("Quá hạn trên 90 ngày", FollowUpReport.Row::openOverdueOver90Days),
            new Column("Số vòng chỉnh sửa bình quân", FollowUpReport.Row::meanRevisionRounds),
            new Column("Số ngày bình quân đến khi phê duyệt", FollowUpReport.Row::meanDaysToApproval),
            new Column("Đã hủy (không tính)", FollowUpReport.Row::cancelled));

    static final String NUMBER = "STT";
    static final String UNIT = "Đơn vị chủ trì";
    static final String TOTAL = "Tổng cộng";

    private ReportColumns() {
    }
}
