package vn.docket.query.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.Actor;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.UnitAliases;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.security.CurrentActor;
import vn.docket.platform.web.DateWindow;
import vn.docket.query.assignments.Visibility;

@RestController
@Tag(name = "Reports")
class FollowUpReportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final FollowUpReports reports;
    private final ReportSettings settings;
    private final Clock clock;
    private final DateWindow dates;
    private final Visibility visibility;
    /** A unit filter typed short ("TC-KH") is the directory's unit, as the web app resolves it (none on a query node alone). */
    private final UnitAliases units;

    FollowUpReportController(FollowUpReports reports, ReportSettings settings, Clock clock, DateWindow dates,
                             Visibility visibility, ObjectProvider<UnitAliases> units) {
        this.reports = reports;
        this.settings = settings;
        this.clock = clock;
        this.dates = dates;
        this.visibility = visibility;
        this.units = units.getIfAvailable(UnitAliases::none);
    }

    @GetMapping("/api/reports/follow-up")
    @Operation(summary = "Follow-up report per lead unit and in total; asOf replays the history as recorded then")
    FollowUpReport json(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                        @RequestParam(required = false) String period, @RequestParam(required = false) String unit,
                        @RequestParam(required = false) String asOf) {
        return produce(from, to, period, unit, asOf);
    }

    @GetMapping("/api/reports/follow-up.xlsx")
    @Operation(summary = "The follow-up report as a spreadsheet laid out like the office's printed report")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                                @RequestParam(required = false) String period, @RequestParam(required = false) String unit,
                                @RequestParam(required = false) String asOf) {
        FollowUpReport report = produce(from, to, period, unit, asOf);
        byte[] body = XlsxReport.write(report, PlatformConfiguration.ZONE, LocalDate.now(clock));
        return file(body, XLSX, fileName(report, "xlsx"));
    }

    @GetMapping("/api/reports/follow-up.csv")
    @Operation(summary = "The follow-up report's table as CSV (UTF-8)")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                               @RequestParam(required = false) String period, @RequestParam(required = false) String unit,
                               @RequestParam(required = false) String asOf) {
        FollowUpReport report = produce(from, to, period, unit, asOf);
        return file(CsvReport.write(report), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                fileName(report, "csv"));
    }

    private FollowUpReport produce(LocalDate from, LocalDate to, String period, String typedUnit, String asOf) {
        String unit = units.nameOf(typedUnit);
        ReportPeriod p = ReportPeriod.of(from, to, period, LocalDate.now(clock));
        // A named period ("0001", "9999-Q4") and asOf are read here, not by the date parameters' reader.
        dates.check("The period's first day", p.from());
        dates.check("The period's last day", p.to());
        Instant moment = moment(asOf);
        LocalDate asOfDay = LocalDate.ofInstant(moment, PlatformConfiguration.ZONE);
        dates.check("asOf", asOfDay);
        // A printed report "as of" a day to come would claim figures nobody could have recorded yet. Real time, as
        // asOf itself is: it reads when things were recorded, never the office's back-dating.
        if (asOfDay.isAfter(LocalDate.ofInstant(Instant.now(), PlatformConfiguration.ZONE))) {
            throw new RuleBroken("as-of-in-future", "asOf (" + asOfDay + ") is after today: a report shows the history"
                    + " as it stood on a day that has come, up to today.");
        }
        // A unit's staff count what their unit may see, as on their dashboard: another unit's figures are not theirs.
        Actor me = CurrentActor.get();
        List<String> visible = visibility.visibleIds(me);
        return visible == null ? reports.produce(p, unit, moment)
                : reports.produce(p, unit, moment, new HashSet<>(visible), me.unit());
    }

    /**
     * An instant ({@code 2021-04-06T10:00:00Z}, or with an offset) or a day ({@code 2021-04-06}, meaning the
     * end of that day in Vietnam). Absent: now. Recorded times are real time, never the office's back-dating.
     */
    static Instant moment(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return Instant.now();
        }
        String s = asOf.strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).plusDays(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant().minusMillis(1);
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleBroken("as-of-format", "asOf must be a day (2021-04-06) or a moment with its offset "
                    + "(2021-04-06T10:00:00+07:00).");
        }
    }

    private static String fileName(FollowUpReport r, String extension) {
        return "bao-cao-theo-doi-" + r.from() + "_" + r.to() + "." + extension;
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
