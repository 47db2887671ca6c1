package vn.docket.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Báo cáo kết quả thực hiện nhiệm vụ được giao: per lead unit and in total. Field names are part of the
 * HTTP contract.
 *
 * @param place         written before the day on the printed report ("Lạng Sơn, ngày ..."), as the XLSX writes it
 * @param asOf          the report reflects the events recorded up to this moment (recorded time)
 * @param judgedOn      the day open tasks are judged on: {@code to}, or today or the as-of day if earlier
 * @param seenBy        the unit whose staff asked: only the tasks it may see are counted (it leads, coordinates or
 *                      feeds them); null when every task is
 * @param timelinessRule which deadline the classes are judged against, in words
 * @param tasksRead     task timelines read to produce it: only those the period can concern
 * @param tookMs        how long producing it took
 */
public record FollowUpReport(String title, String issuingBody, String issuer, String place, LocalDate from, LocalDate to,
                             Instant asOf, LocalDate judgedOn, String unit, String seenBy, TimelinessRule timelinessAgainst,
                             String timelinessRule,
                             List<Row> units, Row total, long tasksRead, long tookMs) {

    public static final String TITLE = "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO";

    /**
     * One unit's figures. {@code assigned + carriedOver == doneOnTime + doneLate + openWithinDeadline + openOverdue};
     * the three age buckets add up to {@code openOverdue}. Tasks cancelled by the end of the period are left
     * out of every figure and counted in {@code cancelled}. Means are over the tasks done in the period (null
     * if none): revision rounds they went through, days from assignment to final approval.
     */
    public record Row(String unit, int assigned, int carriedOver, int total, int doneOnTime, int doneLate,
                      int openWithinDeadline, int openOverdue, int openOverdueUnder30Days,
                      int openOverdue30To90Days, int openOverdueOver90Days, int cancelled,
                      Double meanRevisionRounds, Double meanDaysToApproval) {
    }
}
