package vn.docket.platform.eventstore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the timestamps the engine stores. They are written by {@link Instant#toString()}
 * ({@code 2021-04-13T08:30:00.123456Z}); parsing them through {@code DateTimeFormatter}, as Axon's event
 * entries do, took 14% of a tracking processor's thread in a replay, because Axon asks for every
 * event's timestamp when it wraps the event in a replay token. Anything not in that form (an event copied
 * from another store, say) goes through Axon's own parser. The report timelines read their recorded times
 * with it too (thousands per report).
 */
public final class StoredTimestamps {

    private StoredTimestamps() {
    }

    public static Instant parse(String text) {
        int n = text.length();
        if (n < 20 || n == 21 || n > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z'
                || (n > 20 && text.charAt(19) != '.')) {
            return DateTimeUtils.parseInstant(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = n > 20 ? digits(text, 20, n - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || fraction < 0) {
            return DateTimeUtils.parseInstant(text);
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return DateTimeUtils.parseInstant(text); // not a real date: Axon's parser gives its own error
        }
        int nanos = fraction;
        for (int written = Math.max(0, n - 21); written < 9; written++) {
            nanos *= 10; // ".5" is 500,000,000 ns
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /**
     * A date as {@link LocalDate#toString()} writes it ({@code 2021-04-13}), read by hand for the same reason; read
     * models store their dates so, and a follow-up report reads tens of thousands. Anything else, and a day that
     * does not exist, goes through {@link LocalDate#parse}, which gives its own error.
     */
    public static LocalDate date(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    // not a real date: LocalDate.parse gives its own error
                }
            }
        }
        return LocalDate.parse(text);
    }

    /** The number written in {@code text[from, to)}, or -1 if anything there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
