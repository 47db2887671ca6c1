package vn.docket.command.notice.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a paragraph into sentences without breaking "TP. Lạng Sơn" or "Đ/c. Hạnh". */
final class Sentences {

    private static final Pattern BOUNDARY = Pattern.compile("(?u)(?<=[.!?])\\s+(?=[\\p{Lu}\"“(\\-])");
    private static final Pattern SHORT_ABBREVIATION = Pattern.compile("(?u)(?:^|\\s)(?:\\p{Lu}[\\p{L}/]{0,2}|ThS|TS|tp)\\.$");

    private Sentences() {
    }

    static List<String> split(String paragraph) {
        List<String> out = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(paragraph);
        int start = 0;
        while (m.find()) {
            String before = paragraph.substring(start, m.start());
            if (SHORT_ABBREVIATION.matcher(before).find()) {
                continue;
            }
            if (!before.isBlank()) {
                out.add(before.strip());
            }
            start = m.end();
        }
        String last = paragraph.substring(start).strip();
        if (!last.isEmpty()) {
            out.add(last);
        }
        return out;
    }
}
