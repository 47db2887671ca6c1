package vn.docket.command.notice.reading;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.docket.events.NoticeParticulars;

/**
 * Compares a reading with a hand-made expected.json by the rules of shared/notices/README.md.
 * Every compared field yields one {@link Check}, so the same comparison gives both the test
 * verdict (all matched) and the per-field accuracy figures.
 */
final class ReadingComparison {

    record Check(String notice, String field, String path, boolean matched, String expected, String actual) {
        @Override
        public String toString() {
            return notice + " " + path + ": expected <" + expected + "> but was <" + actual + ">";
        }
    }

    private final UnitDirectory directory;
    private final String notice;
    private final List<Check> checks = new ArrayList<>();

    private ReadingComparison(UnitDirectory directory, String notice) {
        this.directory = directory;
        this.notice = notice;
    }

    static List<Check> compare(String notice, JsonNode expected, NoticeReading actual, UnitDirectory directory) {
        ReadingComparison c = new ReadingComparison(directory, notice);
        c.compareNotice(expected.path("notice"), actual.notice());
        c.compareItems(expected.path("items"), actual.items());
        return List.copyOf(c.checks);
    }

    private void compareNotice(JsonNode e, NoticeParticulars a) {
        exact("notice.number", "notice.number", text(e, "number"), a.number());
        exact("notice.issuedOn", "notice.issuedOn", text(e, "issuedOn"), iso(a.issuedOn()));
        if (e.has("issuedMonth")) {
            exact("notice.issuedMonth", "notice.issuedMonth", text(e, "issuedMonth"), a.issuedMonth());
        }
        exact("notice.meetingOn", "notice.meetingOn", text(e, "meetingOn"), iso(a.meetingOn()));
        exact("notice.chair", "notice.chair", text(e, "chair"), a.chair());
        exact("notice.signer", "notice.signer", text(e, "signer"), a.signer());
        JsonNode inv = e.path("invitation");
        exact("notice.invitation", "notice.invitation",
                inv.isMissingNode() || inv.isNull() ? null : text(inv, "number") + " " + text(inv, "date"),
                a.invitation() == null ? null : a.invitation().number() + " " + iso(a.invitation().date()));
        if (e.has("issuer")) {
            exact("notice.issuer", "notice.issuer", text(e, "issuer"), a.issuer());
        }
        if (e.has("place")) {
            exact("notice.place", "notice.place", text(e, "place"), a.place());
        }
    }

    private void compareItems(JsonNode expectedItems, List<NoticeItem> actualItems) {
        exact("items.count", "items.count", String.valueOf(expectedItems.size()), String.valueOf(actualItems.size()));
        for (int i = 0; i < expectedItems.size(); i++) {
            JsonNode e = expectedItems.get(i);
            NoticeItem a = i < actualItems.size() ? actualItems.get(i) : null;
            String p = "items[" + i + "].";
            exact("item.ordinal", p + "ordinal", e.path("ordinal").asText(), a == null ? null : String.valueOf(a.ordinal()));
            exact("item.kind", p + "kind", text(e, "kind"), a == null ? null : String.valueOf(a.kind()));
            String expectedTitle = collapse(text(e, "title"));
            String actualTitle = a == null ? null : collapse(a.title());
            String prefix = expectedTitle == null ? null : expectedTitle.substring(0, Math.min(60, expectedTitle.length()));
            check("item.title", p + "title", actualTitle != null && prefix != null && actualTitle.startsWith(prefix), expectedTitle, actualTitle);
            exact("item.presentedBy", p + "presentedBy", unit(text(e, "presentedBy")), a == null ? null : unit(a.presentedBy()));
            exact("item.verdict", p + "verdict", text(e, "verdict"), a == null || a.verdict() == null ? null : a.verdict().name());
            exact("item.lead", p + "lead", unit(text(e, "lead")), a == null ? null : unit(a.lead()));
            if (e.has("leads")) {
                set("item.leads", p + "leads", units(e.path("leads")), a == null ? null : unitSet(a.leads()));
            }
            set("item.coordinators", p + "coordinators", units(e.path("coordinators")), a == null ? null : unitSet(a.coordinators()));
            compareContributions(p, e.path("contributions"), a == null ? List.of() : a.contributions());
            exact("item.deadline", p + "deadline", text(e, "deadline"), a == null ? null : iso(a.deadline()));
            if (e.has("deadlineText")) {
                exact("item.deadlineText", p + "deadlineText", collapse(text(e, "deadlineText")), a == null ? null : collapse(a.deadlineText()));
            }
            List<String> route = new ArrayList<>();
            e.path("submitTo").forEach(n -> route.add(n.asText()));
            exact("item.submitTo", p + "submitTo", route.toString(), a == null ? null : a.submitTo().toString());
            int min = e.path("minRequirements").asInt(0);
            int count = a == null ? -1 : a.requirements().size();
            check("item.requirements", p + "requirements", count >= min, ">= " + min, String.valueOf(count));
            if (e.has("unknownUnits")) {
                set("item.unknownUnits", p + "unknownUnits", texts(e.path("unknownUnits")), a == null ? null : new HashSet<>(a.unknownUnits()));
            }
        }
    }

    private void compareContributions(String p, JsonNode expected, List<Contribution> actual) {
        exact("item.contributions", p + "contributions.count", String.valueOf(expected.size()), String.valueOf(actual.size()));
        for (int k = 0; k < expected.size(); k++) {
            JsonNode e = expected.get(k);
            Contribution a = k < actual.size() ? actual.get(k) : null;
            String q = p + "contributions[" + k + "].";
            set("contribution.units", q + "units", units(e.path("units")), a == null ? null : unitSet(a.units()));
            exact("contribution.deliverTo", q + "deliverTo", unit(text(e, "deliverTo")), a == null ? null : unit(a.deliverTo()));
            exact("contribution.deadline", q + "deadline", text(e, "deadline"), a == null ? null : iso(a.deadline()));
        }
    }

    // --- helpers ---

    private void exact(String field, String path, String expected, String actual) {
        check(field, path, Objects.equals(expected, actual), expected, actual);
    }

    private void set(String field, String path, Set<String> expected, Set<String> actual) {
        check(field, path, Objects.equals(expected, actual), String.valueOf(expected), String.valueOf(actual));
    }

    private void check(String field, String path, boolean matched, String expected, String actual) {
        checks.add(new Check(notice, field, path, matched, expected, actual));
    }

    /** Unit names compare by the directory's canonical name; generic words as written. */
    private String unit(String name) {
        if (name == null) {
            return null;
        }
        return directory.resolve(name).map(Unit::name).orElse(collapse(name));
    }

    private Set<String> units(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(unit(n.asText())));
        return out;
    }

    private Set<String> unitSet(List<String> names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(unit(n)));
        return out;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String collapse(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }
}
