package vn.docket.events;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing leadership asked to revise or add. Its {@code id} is "version.number" ("1.3": the third point raised
 * on draft v1), so the same point keeps one name from the request through the answers to the statistics.
 */
public record RevisionPoint(String id, int number, String text) {

    public static String id(int version, int number) {
        return version + "." + number;
    }

    /** Points 1..n raised on draft {@code version}, in the order given. */
    public static List<RevisionPoint> numbered(int version, List<String> texts) {
        List<RevisionPoint> points = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            points.add(new RevisionPoint(id(version, i + 1), i + 1, texts.get(i)));
        }
        return List.copyOf(points);
    }
}
