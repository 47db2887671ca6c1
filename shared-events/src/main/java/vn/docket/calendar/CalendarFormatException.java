package vn.docket.calendar;

/** A calendar file that cannot be trusted; the message is one line: {@code source:line: what is wrong}. */
public class CalendarFormatException extends RuntimeException {
    public CalendarFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
    }
}
