package vn.docket.command.assignment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates in messages are written the way the office writes them: 25/4/2021. */
final class Dates {

    private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("d/M/yyyy");

    private Dates() {
    }

    static String show(LocalDate date) {
        return date == null ? "none" : VIETNAMESE.format(date);
    }
}
