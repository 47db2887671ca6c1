package vn.docket.command.notice.reading;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.docket.events.DecisionRef;
import vn.docket.events.NoticeParticulars;

/** Reads the notice's particulars from its head (before the items) and its tail (signature). */
final class HeaderReader {

    /** The header's own "Số: 311/TB-UBND" opens a line; "Công văn số 415/UBND-VP" in running text cites another document. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?mU)^\\s*Số\\s*:?\\s*(\\d*)\\s*/\\s*(\\p{Lu}[\\p{L}\\d.&\\-]*(?:\\s*/\\s*[\\p{L}\\d.&\\-]+)*)");
    /**
     * A summary or a news report names the document it reports on in running text: "Ngày 21/5,
     * UBND tỉnh ban hành Công văn số 846/UBND-TH ...", "Ngày 26 tháng 05 năm 2009, Bộ Nội vụ ban
     * hành ...", "(Theo Công văn số 1598/UBND-TH, ngày 3/4/2024)", or a portal's title line ends with
     * it: "Về việc báo cáo ... (3585/VP-KTN, ngày 23/10/2017)".
     */
    private static final Pattern REPORTED = Pattern.compile(
            "(?iuU)(?:ngày\\s+(\\d{1,2})\\s*(?:[/.-]|tháng)\\s*(\\d{1,2})(?:\\s*(?:[/.-]|năm)\\s*(\\d{4}))?\\s*,\\s*)?"
                    + "(?:(?:((?:văn phòng|bộ|sở|ubnd|ủy ban nhân dân|uỷ ban nhân dân|hđnd|chủ tịch)[^,.;:()]{0,60}?)\\s+(?:đã\\s+|vừa\\s+)?(?:ban hành|banh|ra|có)|\\(theo)\\s+"
                    + "(?:công văn|văn bản|thông báo|quyết định|chỉ thị)\\s+số|\\A[^\\n(]*\\((?=\\d+\\s*/\\s*\\p{Lu}))\\s*(\\d+)\\s*/\\s*(\\p{Lu}[\\p{L}\\d.&\\-]*)"
                    + "(?:\\s*,\\s*ngày\\s+(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4}))?");
    private static final Pattern PLACE_DATE = Pattern.compile(
            "(?uU)((?:TP\\.|Tp\\.|TX\\.|Thành phố|Thị xã|Huyện)? *\\p{Lu}\\p{L}*(?: +\\p{Lu}\\p{L}*){0,3}) *, *"
                    + "ngày\\s*(\\d{1,2})?\\s*tháng\\s*(\\d{1,2})\\s*năm\\s*(\\d{4})");
    private static final Pattern INVITATION = Pattern.compile(
            "(?iuU)(?:Giấy mời|GM)\\s+(?:số\\s*:?\\s*)?(\\d+\\s*/\\s*GM-[\\p{L}\\d\\-]+)\\s*,?\\s*(?:ngày\\s+)?" + VietnameseDates.DATE);
    /**
     * A document number right before a date: the date belongs to that document. Numbers carry
     * letter suffixes, dots and "&" ("số 1234a/UBND-KT", "26/TB-VP.UBND", "456/BKH-TH &QL").
     */
    private static final Pattern CITED_BEFORE = Pattern.compile(
            "(?iuU)\\d+\\p{L}? *[/-] *[\\p{L}\\d\\-.&]*\\p{L}[\\p{L}\\d\\-.&]*(?:\\s*[/&]\\s*[\\p{L}\\d\\-.]+)* *,? *(?:ban hành +|ngày *)?$");
    private static final Pattern CHAIRED = Pattern.compile("(?iuU)\\b(chủ trì|chủ tọa)\\b");
    /** Words of a sentence that reports a meeting; "chủ trì" alone also assigns a task, so it is not one of them. */
    private static final Pattern MEETING_HELD = Pattern.compile("(?iuU)\\b(họp|hội nghị|phiên|buổi làm việc|làm việc với)\\b");
    /** A place name that begins like a family name ("UBND huyện Lâm Hà chủ trì"): not a person. */
    private static final Pattern PLACE_BEFORE = Pattern.compile("(?iuU)\\b(tỉnh|huyện|quận|xã|phường|thị xã|thị trấn|thành phố|khẩu|khu)\\s*$");
    /** A web page's clock right after its date ("Thứ hai, 29/3/2022 08:15:02 AM"). */
    private static final Pattern CLOCK_AFTER = Pattern.compile("\\s*,?\\s*\\d{1,2}:\\d{2}");
    private static final Pattern DATE = Pattern.compile("(?iuU)(?:ngày\\s+)?" + VietnameseDates.DATE);
    private static final Pattern ISSUER_LINE = Pattern.compile(
            "(?uU)^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|VĂN PHÒNG|BỘ|SỞ|HỘI ĐỒNG NHÂN DÂN)\\b.*");
    /** The national motto beside the issuer in a flattened two-column header. */
    private static final Pattern MOTTO = Pattern.compile("(?uU)\\s*(CỘNG H[ÒO]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\\s*-\\s*Tự do\\s*-\\s*Hạnh phúc).*$");
    /**
     * A body acting in running text: "UBND tỉnh Khánh Hòa vừa có công văn", "Chủ tịch UBND tỉnh
     * giao ...", "Sở Tài nguyên và Môi trường vừa hướng dẫn"; not a body cited ("của Bộ X", "theo ...").
     */
    private static final Pattern ACTING_BODY = Pattern.compile(
            "(?uU)(?<!của |theo |với |cho |gửi |tại )(?:(?:Phó\\s+)?Chủ tịch\\s+)?"
                    + "((?:Văn phòng\\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)\\b(?:[^,.;:()\\n]|\\.(?=\\p{L})){0,40}?"
                    + "|(?:Văn phòng|Sở|Bộ)\\s+\\p{Lu}[^,.;:()\\n]{0,50}?)"
                    + "\\s+(?:đã\\s+|vừa\\s+)*(?:ban hành|banh|có văn bản|có công văn|có ý kiến|ra văn bản|gửi văn bản|hướng dẫn"
                    + "|giao|yêu cầu|chỉ đạo|đề nghị|tổ chức|chủ trì|thông báo)\\b");
    /** The same in the passive: "văn bản ... vừa được Văn phòng Chính phủ gửi các bộ". */
    private static final Pattern SENT_BY = Pattern.compile(
            "(?uU)\\bđược\\s+((?:Văn phòng|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Sở|Bộ)\\s+[^,.;:()\\n]{0,50}?)\\s+(?:gửi|ban hành)\\b");
    /** A people's committee or council named by its level only ("UBND tỉnh", "Văn phòng UBND tỉnh này"), and what follows. */
    private static final Pattern AT_LEVEL = Pattern.compile(
            "(?uU)^((?:Văn phòng\\s+)?(?:UBND|HĐND)\\s+(?:tỉnh|thành phố|TP\\.?|huyện|quận|thị xã|thị trấn|xã|phường))\\b[.\\s]*(.*)$");
    /** A number whose code is the office's ("3585/VP-KTN", "12/VPUBND-TH"); "VPCP" is the Government Office's own. */
    private static final Pattern OFFICE_CODE = Pattern.compile("(?uU)^\\d+/VP(?:UBND)?(?:[-.]|$)");
    /** The level words of districts and communes at the end of a body named by its level ("UBND huyện"). */
    private static final Pattern LOCAL_LEVEL = Pattern.compile("(?uU)\\b(huyện|quận|thị xã|thị trấn|xã|phường)$");
    private static final Pattern PEOPLE_COMMITTEE = Pattern.compile("(?iuU)\\bUBND\\s+(thành phố|tỉnh|huyện|quận|thị xã)\\b");

    /** "Kính gửi: Bộ Y tế." opens a letter, at the start of a line. */
    private static final Pattern ADDRESSED = Pattern.compile("(?imuU)^\\s*kính gửi\\b");

    private final UnitDirectory directory;

    HeaderReader(UnitDirectory directory) {
        this.directory = directory;
    }

    NoticeParticulars read(NoticeLayout layout, Warnings warnings) {
        List<String> head = layout.head();
        String headText = String.join("\n", head);
        String bodyText = headText + "\n" + layout.items().stream()
                .flatMap(i -> i.paragraphs().stream()).reduce("", (a, b) -> a + "\n" + b);

        String number = null;
        Matcher m = NUMBER.matcher(headText);
        boolean blankNumber = false;
        if (m.find()) {
            blankNumber = m.group(1).isEmpty();
            if (!m.group(1).isEmpty()) {
                number = m.group(1) + "/" + m.group(2).replaceAll("\\s+", "");
            } else {
                warnings.add("notice.number", Doubt.of("number-blank", "Số văn bản để trống (bản dự thảo?)"));
            }
        }
        Matcher reported = REPORTED.matcher(bodyText);
        boolean reportedFound = number == null && !blankNumber && reported.find();
        if (reportedFound) {
            number = reported.group(5) + "/" + reported.group(6);
            warnings.add("notice.number", Doubt.of("number-from-text", "Số văn bản lấy từ lời văn: \"" + reported.group().strip() + "\"",
                    "text", reported.group().strip()));
        } else if (number == null && !blankNumber) {
            warnings.add("notice.number", Doubt.of("number-missing", "Không thấy số văn bản"));
        }

        String place = null;
        LocalDate issuedOn = null;
        String issuedMonth = null;
        int placeLine = -1;
        m = PLACE_DATE.matcher(headText);
        if (m.find()) {
            place = m.group(1).strip();
            placeLine = headText.substring(0, m.start()).split("\n", -1).length - 1;
            int month = Integer.parseInt(m.group(3));
            int year = Integer.parseInt(m.group(4));
            if (m.group(2) != null) {
                try {
                    issuedOn = LocalDate.of(year, month, Integer.parseInt(m.group(2)));
                } catch (java.time.DateTimeException e) {
                    warnings.add("notice.issuedOn", Doubt.of("issued-invalid", "Ngày ban hành không hợp lệ: " + m.group(), "text", m.group()));
                }
            } else {
                issuedMonth = String.format("%04d-%02d", year, month);
                warnings.add("notice.issuedOn", Doubt.of("issued-day-blank", "Ngày ban hành để trống, chỉ biết tháng " + month + "/" + year,
                        "month", month + "/" + year));
            }
        } else if (reportedFound && (reported.group(1) != null || reported.group(7) != null)) {
            issuedOn = reportedDate(reported, bodyText, warnings);
        } else {
            warnings.add("notice.issuedOn", Doubt.of("issued-missing", "Không thấy địa danh, ngày tháng ban hành"));
        }

        String intro = String.join("\n", head.subList(Math.min(placeLine + 1, head.size()), head.size()));
        LocalDate meetingOn = meetingDate(intro);
        // A letter (công văn) is addressed to its recipients and concludes no meeting: that it names no meeting
        // date and no chair is no doubt for the clerk to check.
        boolean letter = ADDRESSED.matcher(headText).find();
        if (meetingOn == null && !letter) {
            warnings.add("notice.meetingOn", Doubt.of("meeting-missing", "Không thấy ngày họp"));
        }
        String chair = chair(intro);
        if (chair == null && !letter) {
            warnings.add("notice.chair", Doubt.of("chair-missing", "Không thấy tên người chủ trì cuộc họp"));
        }
        DecisionRef invitation = null;
        m = INVITATION.matcher(bodyText);
        if (m.find()) {
            invitation = new DecisionRef(m.group(1).replaceAll("\\s+", ""), VietnameseDates.fromGroups(m, 2, null).orElse(null));
        }
        String signer = signer(layout.tail());
        if (signer == null) {
            warnings.add("notice.signer", Doubt.of("signer-missing", "Không thấy tên người ký"));
        }
        String issuer = issuer(head, number, place, intro);
        if (issuer == null) {
            String allText = bodyText + "\n" + String.join("\n", layout.tail());
            String written = reportedFound && reported.group(4) != null ? reported.group(4) : actingBody(allText);
            issuer = written == null ? null : byOffice(inRunningText(written, place, allText), number);
            String unsaid = issuer == null ? null : placeMissing(issuer);
            warnings.add("notice.issuer", issuer == null ? Doubt.of("issuer-missing", "Không xác định được cơ quan ban hành")
                    : unsaid == null ? Doubt.of("issuer-from-text", "Cơ quan ban hành lấy từ lời văn: " + issuer, "issuer", issuer)
                    : Doubt.of("issuer-from-text-no-place", "Cơ quan ban hành lấy từ lời văn: " + issuer + "; văn bản không ghi"
                            + " tên " + unsaid + ", hãy ghi thêm", "issuer", issuer, "level", unsaid));
        }
        return new NoticeParticulars(number, issuer, place, issuedOn, issuedMonth, meetingOn, chair, invitation, signer);
    }

    /** The date of a document named in running text; a missing year is the year of the first full date in the text. */
    private static LocalDate reportedDate(Matcher reported, String bodyText, Warnings warnings) {
        int base = reported.group(7) != null ? 7 : 1;
        String year = reported.group(base + 2);
        if (year == null) {
            Optional<LocalDate> any = VietnameseDates.first(bodyText);
            if (any.isEmpty()) {
                return null;
            }
            year = String.valueOf(any.get().getYear());
            warnings.add("notice.issuedOn", Doubt.of("issued-year-assumed", "Ngày ban hành không ghi năm, lấy năm " + year
                    + " theo ngày khác trong văn bản", "year", year));
        }
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(reported.group(base + 1)), Integer.parseInt(reported.group(base)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * The first date of a sentence that speaks of a meeting ("Ngày 07/5/2021, ... chủ trì cuộc
     * họp"), that is not the date of a cited document nor a web page's clock. Letters have no
     * meeting: a date elsewhere (a cited article, a deadline, the page's stamp) is never taken.
     */
    private static LocalDate meetingDate(String intro) {
        for (String paragraph : intro.split("\n")) {
            for (String sentence : Sentences.split(paragraph)) {
                if (!MEETING_HELD.matcher(sentence).find()) {
                    continue;
                }
                Matcher m = DATE.matcher(sentence);
                while (m.find()) {
                    String before = sentence.substring(Math.max(0, m.start() - 60), m.start());
                    if (CITED_BEFORE.matcher(before).find() || VietnameseDates.yearMissing(m, 1)
                            || CLOCK_AFTER.matcher(sentence.substring(m.end())).lookingAt()) {
                        continue;
                    }
                    Optional<LocalDate> date = VietnameseDates.fromGroups(m, 1, null);
                    if (date.isPresent()) {
                        return date.get();
                    }
                }
            }
        }
        return null;
    }

    /** The person named in the sentence that says who chaired ("... đã chủ trì cuộc họp"). */
    private static String chair(String intro) {
        for (String paragraph : intro.split("\n")) {
            for (String sentence : Sentences.split(paragraph)) {
                if (CHAIRED.matcher(sentence).find() && MEETING_HELD.matcher(sentence).find()) {
                    Optional<String> name = Names.first(sentence);
                    if (name.isPresent() && !PLACE_BEFORE.matcher(sentence.substring(0, sentence.indexOf(name.get()))).find()) {
                        return name.get();
                    }
                }
            }
        }
        return null;
    }

    /** The name under the signature: the last line of the tail that is a personal name. */
    private static String signer(List<String> tail) {
        for (int i = tail.size() - 1; i >= 0 && i >= tail.size() - 40; i--) {
            String line = tail.get(i).replaceAll("^\\(?(Đã ký|đã ký)\\)?\\s*", "").strip();
            if (Names.isName(line)) {
                return line;
            }
        }
        return null;
    }

    /**
     * The issuing body, from the heading lines ("ỦY BAN NHÂN DÂN / THÀNH PHỐ LẠNG SƠN") when the
     * text kept them; otherwise inferred from the number's code (TB-UBND), the level the intro
     * names ("UBND thành phố") and the place, with a warning.
     */
    private String issuer(List<String> head, String number, String place, String intro) {
        for (int i = 0; i < head.size(); i++) {
            String line = head.get(i);
            if (line.startsWith("CỘNG HÒA") || line.startsWith("CỘNG HOÀ") || line.startsWith("THÔNG BÁO")) {
                continue;
            }
            line = MOTTO.matcher(line).replaceFirst("").strip();
            if (ISSUER_LINE.matcher(line).matches() && isAllCaps(line)) {
                // The motto may stand between the issuer's two lines when a two-column header was flattened.
                int n = i + 1 < head.size() && head.get(i + 1).startsWith("CỘNG H") ? i + 2 : i + 1;
                String next = n < head.size() ? MOTTO.matcher(head.get(n)).replaceFirst("").replaceAll("[-–_*]+$", "").strip() : "";
                boolean continues = isAllCaps(next) && !next.startsWith("CỘNG") && !next.startsWith("THÔNG BÁO") && next.length() < 60;
                if (continues && ISSUER_LINE.matcher(next).matches()) {
                    // "UBND TỈNH LẠNG SƠN / VĂN PHÒNG": the body under the parent issues the notice.
                    if (next.equals("VĂN PHÒNG")) {
                        return "Văn phòng " + issuerName(line);
                    }
                    // "UBND TỈNH LÀO CAI / SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG": the department of that province.
                    Matcher parent = AT_LEVEL.matcher(issuerName(line));
                    String own = issuerName(next);
                    return parent.matches() && !parent.group(2).isBlank() && own.startsWith("Sở ")
                            ? own + " " + parent.group(1).replaceFirst("^(?:Văn phòng\\s+)?(UBND|HĐND)\\s+", "") + " " + parent.group(2)
                            : own;
                }
                return issuerName((continues ? line + " " + next : line).replaceAll("[-–_*]+$", "").strip());
            }
        }
        // The number's code names the issuing body even in a draft without a number ("Số: /TB-UBND").
        Matcher codeMatcher = Pattern.compile("(?uU)/TB-([\\p{L}]+)").matcher(String.join("\n", head));
        String code = codeMatcher.find() ? codeMatcher.group(1) : null;
        Matcher level = PEOPLE_COMMITTEE.matcher(intro);
        if ("UBND".equals(code) && level.find() && place != null) {
            return "UBND " + level.group(1).toLowerCase(Locale.ROOT) + " " + placeName(place);
        }
        if ("VPCP".equals(code)) {
            return "Văn phòng Chính phủ";
        }
        return null;
    }

    /** The first body acting in running text, as written, without the office-holder before it. */
    private static String actingBody(String text) {
        Matcher active = ACTING_BODY.matcher(text);
        Matcher passive = SENT_BY.matcher(text);
        boolean a = active.find();
        boolean p = passive.find();
        if (!a && !p) {
            return null;
        }
        return a && (!p || active.start() < passive.start()) ? active.group(1) : passive.group(1);
    }

    /**
     * An issuer named in running text, tidied: "Ủy ban nhân dân" as "UBND", a person after the
     * level dropped ("UBND tỉnh Đặng Văn Minh"), "này" dropped, and a level without a place name
     * completed from the dateline or the province the text names most ("UBND tỉnh" in a text about
     * "tỉnh Lai Châu").
     */
    private static String inRunningText(String written, String place, String text) {
        String issuer = written.strip().replaceFirst("(?iu)^(?:phó\\s+)?chủ tịch\\s+", "")
                .replaceFirst("(?u)(Ủy|Uỷ) ban nhân dân\\b", "UBND").replaceFirst("(?u)Hội đồng nhân dân\\b", "HĐND")
                .replaceFirst("(?u)\\s+(này|đó|nói trên)$", "");
        Matcher m = AT_LEVEL.matcher(issuer);
        if (!m.matches()) {
            return issuer;
        }
        String rest = m.group(2).strip();
        if (!rest.isEmpty() && !Names.isName(rest) && Character.isUpperCase(rest.charAt(0))) {
            return issuer;
        }
        String body = m.group(1);
        Matcher local = LOCAL_LEVEL.matcher(body);
        if (local.find()) {
            // A district's or commune's own documents are dated at its own name ("Nam Đông, ngày ..."); a
            // report names it in passing ("trên địa bàn huyện Nam Đông").
            String name = place != null && Places.at(placeName(place)).isEmpty() ? placeName(place) : mostNamedAt(local.group(1), text);
            return name == null ? body : body + " " + name;
        }
        if (!body.matches("(?u).*\\b(tỉnh|thành phố|TP\\.?)$")) {
            return body;
        }
        Optional<Places.Province> province = (place == null ? Optional.<Places.Province>empty() : Places.at(placeName(place)))
                .or(() -> Places.mostNamed(text));
        return province.map(p -> body.replaceFirst("(?u)\\s+(tỉnh|thành phố|TP\\.?)$", " " + p.withLevel())).orElse(body);
    }

    /** The place the text names most often after {@code level} ("huyện Nam Đông"), or null. */
    private static String mostNamedAt(String level, String text) {
        // "xã Quất Lưu", not the "xã" of "thị xã Phúc Yên".
        Matcher m = Pattern.compile("(?uU)(?<!\\p{L})(?<!thị\\s)" + level + "\\s+(\\p{Lu}\\p{L}*(?:\\s+\\p{Lu}\\p{L}*){0,3})").matcher(text);
        Map<String, Integer> counts = new LinkedHashMap<>();
        while (m.find()) {
            counts.merge(m.group(1), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** A number coded as the office's ("3585/VP-KTN"): the office of the committee the text names issued it. */
    private static String byOffice(String issuer, String number) {
        if (issuer == null || number == null || !OFFICE_CODE.matcher(number).find() || !AT_LEVEL.matcher(issuer).matches()
                || issuer.startsWith("Văn phòng")) {
            return issuer;
        }
        return "Văn phòng " + issuer;
    }

    /** For a body named by its level only ("UBND tỉnh"): the clerk is asked for the place the text does not give. */
    /** The level ("tỉnh") an issuer read from the text names without its place's name, or null. */
    private static String placeMissing(String issuer) {
        Matcher m = AT_LEVEL.matcher(issuer);
        return m.matches() && m.group(2).isBlank()
                ? m.group(1).replaceFirst("(?u)^(?:Văn phòng\\s+)?(?:UBND|HĐND)\\s+", "")
                : null;
    }

    private String issuerName(String caps) {
        Optional<Unit> known = directory.resolve(caps);
        if (known.isPresent()) {
            return known.get().name();
        }
        Matcher m = Pattern.compile("(?uU)^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\\s+(THÀNH PHỐ|TỈNH|HUYỆN|QUẬN|THỊ XÃ)\\s+(.+)$").matcher(caps);
        if (m.matches()) {
            return "UBND " + m.group(1).toLowerCase(Locale.ROOT) + " " + titleCase(m.group(2));
        }
        // "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG": each field of a department's name starts with a capital.
        String lower = caps.toLowerCase(Locale.ROOT);
        Matcher field = Pattern.compile("(?uU)(^|^(?:sở|bộ|ban|cục|chi cục|văn phòng) |, | và | - )(\\p{L})").matcher(lower);
        StringBuilder out = new StringBuilder();
        while (field.find()) {
            field.appendReplacement(out, Matcher.quoteReplacement(field.group(1) + field.group(2).toUpperCase(Locale.ROOT)));
        }
        field.appendTail(out);
        return Character.toUpperCase(out.charAt(0)) + out.substring(1);
    }

    private static String placeName(String place) {
        return place.replaceFirst("(?uU)^(TP\\.|Tp\\.|TX\\.|Thành phố|Thị xã|Huyện)\\s*", "").strip();
    }

    private static String titleCase(String caps) {
        StringBuilder out = new StringBuilder();
        for (String word : caps.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    /** Unlike a heading, an issuer's line has letters. */
    private static boolean isAllCaps(String line) {
        return line.codePoints().anyMatch(Character::isLetter) && TextNormaliser.isAllCaps(line);
    }

    /** The level of government the issuer belongs to, for route names ("thành phố", "tỉnh"). */
    static String levelOf(String issuer) {
        if (issuer == null) {
            return "thành phố";
        }
        Matcher m = Pattern.compile("(?iuU)\\b(thành phố|tỉnh|huyện|quận|thị xã|thị trấn|xã|phường)\\b").matcher(issuer);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "thành phố";
    }
}
