package vn.docket.command.notice.reading;

import java.util.ArrayList;
import java.util.List;

/** Collects what the reader was unsure of, field by field. */
final class Warnings {

    private final List<ReadingWarning> list = new ArrayList<>();

    void add(String field, Doubt doubt) {
        list.add(new ReadingWarning(field, doubt));
    }

    List<ReadingWarning> all() {
        return List.copyOf(list);
    }
}
