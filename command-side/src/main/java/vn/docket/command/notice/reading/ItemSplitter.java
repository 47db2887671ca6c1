package vn.docket.command.notice.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.docket.command.notice.reading.NoticeLayout.RawItem;

/**
 * Finds where the items of a notice begin and end. Items are numbered "1.", "I." or "a)"; the
 * numbering must run in sequence, so a stray "2." inside a sentence does not start an item. A
 * notice without numbering (a one-paragraph letter, a dash list) gets one item per assignment
 * ("Giao Sở Xây dựng chủ trì ...").
 */
final class ItemSplitter {

    private static final Pattern TITLE = Pattern.compile("(?u)^(THÔNG BÁO|KẾT LUẬN)\\b.{0,40}$");
    private static final Pattern ARABIC = Pattern.compile("^(\\d{1,2})\\s*[.)](?!\\d)\\s*(?=\\S)");
    private static final Pattern ROMAN = Pattern.compile("^(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\\s*[.)]\\s+(?=\\S)");
    private static final Pattern LETTER = Pattern.compile("^([a-zđ])\\s*\\)\\s*(?=\\S)");
    /** The formulas that close a body: "Trên đây là ...", "... thông báo để ... biết", "Căn cứ ý kiến chỉ đạo (trên), yêu cầu ... thực hiện./.". */
    private static final Pattern CLOSING = Pattern.compile(
            "(?iuU)^(trên đây là|nơi nhận\\b|(tl|kt|tm)\\.\\s|(?:căn cứ|trên cơ sở)\\s+(?:các\\s+)?(?:nội dung|ý kiến)\\s+chỉ đạo\\b"
                    + "|[^.]{0,120}thông báo\\b[^.:]{0,200}\\bbiết\\b"
                    + "|[^.]{0,120}\\bthông báo\\s*để\\b[^.]{0,200}\\b(?:biết|thực hiện)\\b)");
    private static final Pattern RECIPIENTS = Pattern.compile("(?iuU)^nơi\\s*nhận\\s*:");
    /** Words that open a sentence before its subject ("Theo đó, các sở ... căn cứ ..."). */
    static final Pattern CONNECTIVE = Pattern.compile("(?iuU)^(?:theo đó|đồng thời|bên cạnh đó|ngoài ra|mặt khác|trong đó|riêng(?:\\s+đối với)?)\\s*,?\\s*");
    /** A sentence that goes on with the actor of the sentence before it: "Đồng thời, chủ động chuẩn bị ...". */
    static final Pattern CONTINUATION = Pattern.compile("(?iuU)^(?:đồng thời|ngoài ra|bên cạnh đó|mặt khác)\\s*,\\s*");
    private static final Pattern MARKER = Pattern.compile("^(?:\\d{1,2}|[IVX]{1,4}|[a-zđ])\\s*[.)]\\s*");
    /** Approvals ("Đồng ý về chủ trương ...", "Chấp thuận nội dung ..."), assessments and admonitions. */
    private static final Pattern NOT_A_TASK = Pattern.compile(
            "(?iuU)^(?:[^,.;]{0,150},\\s*)?(?:về cơ bản\\s+)?(?:đồng ý|chấp thuận|nhất trí|thống nhất|ghi nhận|biểu dương|đánh giá cao)\\b|\\brút kinh nghiệm\\b|\\bphê bình\\b");
    /** Section titles that assess rather than assign: "ĐÁNH GIÁ CHUNG", "TÌNH HÌNH ...". */
    private static final Pattern ASSESSMENT = Pattern.compile("(?iuU)(?:đánh giá|tình hình|kết quả|bối cảnh)\\b");
    /**
     * "giao / yêu cầu / đề nghị / lưu ý" + the units addressed, after a time the work is for ("đề nghị tháng 12/2018
     * thường trực HĐND ..."). "giao ban" (a briefing) assigns nothing.
     */
    static final String FOR_TIME = "(?:(?:trong\\s+)?(?:tháng|quý|năm)\\s+[\\dIV]+(?:\\s*/\\s*\\d{4})?\\s*,?\\s+)?";
    static final Pattern ASSIGNING = Pattern.compile("(?iuU)(?:^|[\\s,;:(])(giao(?!\\s+(?-i:ban)\\b)|yêu cầu|đề nghị|lưu ý)\\s+(?:cho\\s+)?" + FOR_TIME);
    /** What a unit opening a sentence goes on to do when the sentence hands it work ("Bộ Y tế tăng cường ..."). */
    private static final Pattern ACTING = Pattern.compile(
            "(?iuU)^\\s*,?\\s*(" + String.join("|", Words.list("actingVerbs")) + ")\\b");
    /** What an actor named in the middle of a sentence must do for it to start a task of its own. */
    private static final Pattern DUTY = Pattern.compile("(?iuU)\\s*(?:" + String.join("|", NameEnds.DUTY_WORDS) + ")\\s");
    /** "đồng chí X chủ trì cuộc họp": who chaired the meeting, not a task. */
    private static final Pattern CHAIRS_MEETING = Pattern.compile("(?iuU)^\\s*,?\\s*(?:đã\\s+)?chủ (?:trì|tọa)\\s+(?:cuộc|phiên|buổi|hội nghị)");
    /** Where a report of a meeting comes to its conclusion: "Kết luận hội nghị, ...", "đồng chí chủ trì kết luận ...". */
    private static final Pattern MEETING_CONCLUSION = Pattern.compile(
            "(?iuU)^\\s*(?:[-–]\\s*)?kết luận\\s+(?:của\\s+)?(?:hội nghị|cuộc họp|phiên họp|buổi làm việc|buổi họp)\\b|\\b(?:chủ trì|chủ tọa)\\s+kết luận\\b");
    private static final Pattern COORDINATES = Pattern.compile("(?iuU)\\s*,?\\s*phối hợp\\b");
    /** "Riêng UBND huyện X ...": an exception with its own actor. */
    private static final Pattern EXCEPT = Pattern.compile("(?iuU)riêng(?:\\s+đối với)?\\s*,?\\s*");
    /** Input owed to the lead ("gửi Phòng X ... để tổng hợp"), not a task of one's own. */
    private static final Pattern SENDS_FOR_COLLECTING = Pattern.compile("(?iuU)\\bgửi\\b.*\\btổng hợp\\b");
    /** All that a closing formula asks: "(phối hợp) (triển khai) thực hiện", then nothing or a comma. */
    private static final Pattern CARRY_OUT = Pattern.compile(
            "(?iuU)(?:phối hợp\\s+)?(?:nghiêm túc\\s+|khẩn trương\\s+)?(?:triển khai\\s+|tổ chức\\s+)?thực hiện(?:\\s+nghiêm túc)?\\s*(?:[,.;/]|$)");
    /** A lead-in to a list of directives: "Bộ trưởng có ý kiến chỉ đạo như sau:". */
    private static final Pattern DIRECTIVES = Pattern.compile("(?iuU)(?:kết luận|chỉ đạo|ý kiến|như sau|sau đây)\\s*:\\s*$");
    private static final Pattern CONCLUDES = Pattern.compile("(?iuU)\\b(kết luận|chỉ đạo|ý kiến)(\\s+như sau)?\\s*:\\s*");
    static final Pattern DASH = Pattern.compile("^[-+•*–—]\\s*");
    private static final Pattern PURPOSE = Pattern.compile("(?iuU)(?:để|nhằm)\\s");
    private static final Pattern TOPIC = Pattern.compile("(?iuU)^(về|đối với|lĩnh vực|trong lĩnh vực)\\s");

    private final UnitDirectory directory;

    ItemSplitter(UnitDirectory directory) {
        this.directory = directory;
    }

    NoticeLayout split(List<String> lines) {
        int bodyStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (TITLE.matcher(lines.get(i)).matches()) {
                bodyStart = i + 1;
                break;
            }
        }
        int tailStart = lines.size();
        for (int i = bodyStart; i < lines.size(); i++) {
            String line = lines.get(i);
            // "Nơi nhận:" always ends the body: the distribution list names units that are not assigned anything.
            if (RECIPIENTS.matcher(line).find()
                    || (CLOSING.matcher(line).find() && !line.endsWith(":") && !ARABIC.matcher(line).find() && !DASH.matcher(line).find())) {
                tailStart = i;
                break;
            }
        }
        List<Integer> starts = numberedStarts(lines, bodyStart, tailStart);
        if (!starts.isEmpty()) {
            List<RawItem> items = new ArrayList<>();
            for (int k = 0; k < starts.size(); k++) {
                int from = starts.get(k);
                int to = k + 1 < starts.size() ? starts.get(k + 1) : tailStart;
                List<String> paragraphs = new ArrayList<>(lines.subList(from, to));
                items.add(new RawItem(k + 1, paragraphs, true));
            }
            return new NoticeLayout(lines.subList(0, starts.get(0)), items, lines.subList(tailStart, lines.size()));
        }
        return byAssignment(lines, bodyStart, tailStart);
    }

    private List<Integer> numberedStarts(List<String> lines, int from, int to) {
        List<Integer> arabic = new ArrayList<>();
        List<Integer> roman = new ArrayList<>();
        List<Integer> letter = new ArrayList<>();
        int nextArabic = 1;
        int nextRoman = 1;
        int nextLetter = 0;
        boolean romanSinceArabic = false;
        boolean romanItemsLookLikeItems = false;
        boolean topicsOnly = true;
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            Matcher m = ROMAN.matcher(line);
            if (m.find() && romanValue(m.group(1)) == nextRoman) {
                roman.add(i);
                nextRoman++;
                romanSinceArabic = true;
                String heading = line.substring(m.end());
                if (!TextNormaliser.isAllCaps(heading) && (heading.toLowerCase().startsWith("dự thảo") || ASSIGNING.matcher(heading).find())) {
                    romanItemsLookLikeItems = true;
                }
                continue;
            }
            m = ARABIC.matcher(line);
            if (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (n == nextArabic || (n == 1 && romanSinceArabic)) {
                    arabic.add(i);
                    nextArabic = n + 1;
                    romanSinceArabic = false;
                    nextLetter = 0;
                    topicsOnly &= isTopic(line.substring(m.end()));
                }
                continue;
            }
            m = LETTER.matcher(line);
            if (m.find() && m.group(1).charAt(0) == "abcdđeghiklmnopqrstuvxy".charAt(Math.min(nextLetter, 22))) {
                letter.add(i);
                nextLetter++;
            }
        }
        // Roman numerals are usually sections ("I. ĐÁNH GIÁ CHUNG") holding numbered items;
        // they are the items themselves only when they read like items.
        if (!roman.isEmpty() && (arabic.isEmpty() || romanItemsLookLikeItems)) {
            return roman;
        }
        // "1. Về giảm nhẹ phát thải" over "a) Chỉ đạo ...; b) ...": the numbers are topics, the letters the tasks.
        if (!arabic.isEmpty() && topicsOnly && letter.size() > arabic.size()) {
            return letter;
        }
        if (!arabic.isEmpty()) {
            return arabic;
        }
        return letter;
    }

    /** Items of an unnumbered notice: each sentence or dash entry that assigns work starts one. */
    private NoticeLayout byAssignment(List<String> lines, int bodyStart, int tailStart) {
        List<RawItem> items = new ArrayList<>();
        List<String> current = null;
        int headEnd = tailStart;
        // A page's headline ("UBND huyện X tổ chức phiên họp tháng 7") restates the text; it assigns nothing itself.
        int from = bodyStart == 0 && lines.size() > 1 && isHeadline(lines.get(0)) && !opensWithAssignment(lines.get(0)) ? 1 : bodyStart;
        List<List<String>> clausesOfLines = new ArrayList<>();
        for (int i = from; i < tailStart; i++) {
            String line = lines.get(i);
            List<String> units = new ArrayList<>();
            for (String sentence : DASH.matcher(line).find() ? List.of(line) : Sentences.split(line)) {
                units.addAll(clauses(sentence));
            }
            clausesOfLines.add(units);
        }
        // A report of a meeting tells what was done before it tells the conclusion ("Kết luận hội nghị, ...");
        // only the conclusion assigns work.
        boolean concluded = clausesOfLines.stream().flatMap(List::stream).noneMatch(u -> MEETING_CONCLUSION.matcher(u).find());
        // The dash entries under "Bộ trưởng có ý kiến chỉ đạo như sau:", a lead-in that names no one, are
        // the directives themselves, each an item whether or not it names who does it.
        boolean directives = false;
        for (int i = from; i < tailStart; i++) {
            boolean dash = DASH.matcher(lines.get(i)).find();
            directives &= dash;
            for (String unit : clausesOfLines.get(i - from)) {
                if (!concluded) {
                    concluded = MEETING_CONCLUSION.matcher(unit).find();
                    if (!concluded) {
                        continue;
                    }
                }
                // "... kết luận: Giao Phòng X chủ trì ...": the item starts after the colon.
                Matcher colon = CONCLUDES.matcher(unit);
                if (colon.find() && assigns(unit.substring(colon.end()), false)) {
                    if (current != null) {
                        current.add(unit.substring(0, colon.end()).strip());
                    }
                    unit = unit.substring(colon.end());
                }
                boolean directive = directives && !unit.strip().endsWith(":");
                if (directive || assigns(unit, current != null) || (current != null && isFurtherTask(unit))) {
                    if (current != null) {
                        items.add(new RawItem(items.size() + 1, current, false));
                    } else {
                        headEnd = i + 1;
                    }
                    current = new ArrayList<>();
                    current.add(unit);
                } else if (current != null) {
                    current.add(unit);
                }
            }
            directives |= !dash && concluded && DIRECTIVES.matcher(lines.get(i)).find() && !assigns(lines.get(i), false);
        }
        if (current != null) {
            items.add(new RawItem(items.size() + 1, current, false));
        }
        return new NoticeLayout(lines.subList(0, Math.min(headEnd, lines.size())), items, lines.subList(tailStart, lines.size()));
    }

    /**
     * "Đồng thời, chủ động chuẩn bị báo cáo ..., gửi về Văn phòng Chính phủ chậm nhất ngày 25 ...": a new
     * sentence with no subject of its own that gives the actor before it a second task, known by its own
     * time limit; one item is tracked to one limit. Without a limit ("Đồng thời, báo cáo kết quả ...") it is
     * the next step of the same task, and a lowercase "đồng thời" inside a sentence joins verbs of one task.
     */
    private boolean isFurtherTask(String sentence) {
        Matcher m = CONTINUATION.matcher(sentence);
        return m.lookingAt() && Character.isUpperCase(sentence.codePointAt(0))
                && directory.leadingEnd(sentence.substring(m.end())) == 0 && DeadlineReader.setsLimit(sentence);
    }

    /**
     * A sentence cut where a clause after ";" hands work to another actor ("UBND các phường
     * kiểm tra ...; Thủ trưởng các cơ quan chỉ đạo ..."): each actor gets its own item.
     */
    private List<String> clauses(String sentence) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String part : sentence.split(";")) {
            // "Giao các sở; UBND các huyện; các Ban QLDA báo cáo ...": a list of actors, not clauses.
            if (!current.isEmpty() && assigns(part.strip(), false) && hasOwnTask(current.toString())) {
                out.add(current.append(';').toString().strip());
                current.setLength(0);
            } else if (!current.isEmpty()) {
                current.append(';');
            }
            current.append(part);
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        List<String> split = new ArrayList<>();
        out.forEach(clause -> split.addAll(subjectClauses(clause)));
        return split;
    }

    /**
     * A clause cut where, after a comma, another actor takes on a duty ("Công tác tuyển quân là nhiệm
     * vụ quan trọng, Hội đồng X cần ..."; "các xã có biến động địa giới, cấp huyện cần ..."). Not inside
     * a list of actors ("giao Sở A, Sở B có trách nhiệm ..."): the words before the comma must name no unit.
     */
    private List<String> subjectClauses(String clause) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int segment = 0;
        for (int comma = clause.indexOf(','); comma >= 0; comma = clause.indexOf(',', comma + 1)) {
            String before = clause.substring(segment, comma).strip();
            String after = clause.substring(comma + 1);
            segment = comma + 1;
            if (CONNECTIVE.matcher(clause.substring(start, comma + 1).strip()).replaceFirst("").isBlank()) {
                continue;
            }
            int units = directory.leadingEnd(after.strip());
            if (units == 0 || !directory.leading(before).isEmpty()) {
                continue;
            }
            if (DUTY.matcher(after.strip().substring(units)).lookingAt()) {
                out.add(clause.substring(start, comma + 1).strip());
                start = comma + 1;
            }
        }
        out.add(clause.substring(start).strip());
        return out;
    }

    /**
     * True when a clause goes on past its actors ("Giao Sở X kiểm tra ..."), not only names them
     * ("Giao các sở"). A purpose clause ("Để việc triển khai ...; ... được kịp thời, Sở X đề nghị ...")
     * is no task of its own: the sentence's task comes after it.
     */
    private boolean hasOwnTask(String clause) {
        String text = CONNECTIVE.matcher(DASH.matcher(clause.strip()).replaceFirst("")).replaceFirst("");
        if (PURPOSE.matcher(text).lookingAt()) {
            return false;
        }
        Matcher m = ASSIGNING.matcher(text);
        if (m.lookingAt()) {
            text = text.substring(m.end());
        }
        String rest = text.substring(directory.leadingEnd(text)).strip();
        return rest.split("\\s+").length >= 3;
    }

    /**
     * A numbered task item cut where another actor takes a part of it: a sentence "Riêng UBND huyện X
     * khẩn trương ...", or a later paragraph that opens with another named unit and what it does
     * ("Sở Y kiểm tra ..."), each with its own deadline and route. Drafts are not cut (their
     * paragraphs are the conclusion on the draft), nor is anything before the first actor of the item.
     */
    List<List<String>> byActor(RawItem item) {
        String heading = MARKER.matcher(item.paragraphs().get(0)).replaceFirst("");
        if (heading.toLowerCase().matches("^(?:về\\s+|đối với\\s+)?dự thảo\\b.*") || heading.matches("(?s).*\\([^()]+\\s+trình\\).*")) {
            return List.of(item.paragraphs());
        }
        List<List<String>> parts = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean hasActor = false;
        for (int p = 0; p < item.paragraphs().size(); p++) {
            String paragraph = item.paragraphs().get(p);
            List<String> sentences = DASH.matcher(paragraph).find() ? List.of(paragraph) : Sentences.split(paragraph);
            int from = 0;
            int at = 0;
            for (int k = 0; k < sentences.size(); k++) {
                String sentence = sentences.get(k);
                int start = Math.max(at, paragraph.indexOf(sentence, at));
                at = start + sentence.length();
                boolean except = EXCEPT.matcher(sentence).lookingAt() && assigns(sentence, false);
                boolean another = k == 0 && p > 0 && !DASH.matcher(sentence).find() && opensWithActingUnit(sentence);
                if (hasActor && (except || another)) {
                    if (start > from) {
                        current.add(paragraph.substring(from, start).strip());
                    }
                    parts.add(current);
                    current = new ArrayList<>();
                    from = start;
                }
                hasActor |= assigns(sentence, true);
            }
            current.add(from == 0 ? paragraph : paragraph.substring(from).strip());
        }
        parts.add(current);
        return parts;
    }

    /** "Sở Y tế kiểm tra ...": a named unit (not a group) opens the sentence and goes on with what it does. */
    private boolean opensWithActingUnit(String sentence) {
        String text = CONNECTIVE.matcher(sentence).replaceFirst("");
        int end = directory.leadingEnd(text);
        // "Sở Y phối hợp thẩm định": a coordinator of the item's lead, not an actor of its own.
        return end > 0 && directory.leading(text).stream().anyMatch(u -> u.kind() != UnitMention.Kind.GENERIC)
                && ACTING.matcher(text.substring(end)).find() && !CHAIRS_MEETING.matcher(text.substring(end)).find()
                && !COORDINATES.matcher(text.substring(end)).lookingAt() && !SENDS_FOR_COLLECTING.matcher(text).find();
    }

    /** A numbered paragraph that approves, assesses or admonishes and hands no work out: context, not an item. */
    boolean isTask(RawItem item) {
        String heading = MARKER.matcher(item.paragraphs().get(0)).replaceFirst("");
        // "I. ĐÁNH GIÁ CHUNG", "I. TÌNH HÌNH ...": a section that assesses, unless it also hands work out.
        boolean assessment = TextNormaliser.isAllCaps(heading) && ASSESSMENT.matcher(heading).lookingAt();
        if (!assessment && !NOT_A_TASK.matcher(heading).find()) {
            return true;
        }
        return item.paragraphs().stream().anyMatch(p -> ASSIGNING.matcher(p).find() && !directory.leading(p.substring(matchEnd(p))).isEmpty());
    }

    private static int matchEnd(String paragraph) {
        Matcher m = ASSIGNING.matcher(paragraph);
        return m.find() ? m.end() : 0;
    }

    /**
     * True when a sentence hands out work. Before the first item only clear wording counts
     * ("giao", "yêu cầu", "đề nghị", "X chủ trì"); after it ({@code loose}), any sentence that
     * opens with a named unit and goes on with what it must do.
     */
    boolean assigns(String sentence, boolean loose) {
        String text = CONNECTIVE.matcher(DASH.matcher(sentence).replaceFirst("")).replaceFirst("");
        Matcher m = ASSIGNING.matcher(text);
        while (m.find()) {
            List<UnitMention> units = directory.leading(text.substring(m.end()));
            if (!units.isEmpty()) {
                return true;
            }
        }
        int end = directory.leadingEnd(text);
        if (end == 0) {
            return false;
        }
        String rest = text.substring(end).strip();
        if (onlyCarriesOut(rest)) {
            // "Giám đốc Sở X và thủ trưởng các sở, ngành liên quan phối hợp triển khai thực hiện, ...": the
            // closing formula of a letter, no task of its own.
            return false;
        }
        if (ACTING.matcher(rest).find() && !CHAIRS_MEETING.matcher(rest).find()) {
            return true;
        }
        return loose && !rest.isEmpty() && Character.isLowerCase(rest.codePointAt(0))
                && directory.leading(text).stream().anyMatch(u -> u.kind() != UnitMention.Kind.GENERIC);
    }

    /**
     * True when all that the words after the actors ask is "(phối hợp) (triển khai) thực hiện", with no
     * date in their sentence: the closing formula of a letter.
     */
    static boolean onlyCarriesOut(String afterActors) {
        List<String> sentences = Sentences.split(afterActors.strip());
        return !sentences.isEmpty() && CARRY_OUT.matcher(sentences.get(0)).lookingAt() && VietnameseDates.first(sentences.get(0)).isEmpty();
    }

    /**
     * "Giao Sở Xây dựng kiểm tra ..." with no full stop: a task pasted on the first line, not a headline;
     * a headline tells who did something ("UBND tỉnh giao ...") rather than giving the order itself.
     */
    private boolean opensWithAssignment(String line) {
        String text = CONNECTIVE.matcher(DASH.matcher(line).replaceFirst("")).replaceFirst("");
        Matcher m = ASSIGNING.matcher(text);
        return m.lookingAt() && !directory.leading(text.substring(m.end())).isEmpty();
    }

    /** The first line of a page when it ends no sentence: the headline of a report. */
    private static boolean isHeadline(String line) {
        return line.length() <= 160 && Sentences.split(line).size() == 1 && !line.matches("(?s).*[.:;!?]\\s*$")
                && !DASH.matcher(line).find() && !MARKER.matcher(line).find() && !TextNormaliser.isAllCaps(line);
    }

    /** A section heading that names a field of work rather than a task ("Về thị trường các-bon", "LĨNH VỰC Y TẾ"). */
    private static boolean isTopic(String heading) {
        return TOPIC.matcher(heading).find() || TextNormaliser.isAllCaps(heading);
    }

    private static int romanValue(String roman) {
        return switch (roman) {
            case "I" -> 1;
            case "II" -> 2;
            case "III" -> 3;
            case "IV" -> 4;
            case "V" -> 5;
            case "VI" -> 6;
            case "VII" -> 7;
            case "VIII" -> 8;
            case "IX" -> 9;
            case "X" -> 10;
            case "XI" -> 11;
            default -> 12;
        };
    }
}
