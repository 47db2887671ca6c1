package vn.docket.command.notice.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.docket.command.notice.reading.NoticeLayout.RawItem;
import vn.docket.events.DeliverableKind;
import vn.docket.events.MeetingVerdict;
import vn.docket.platform.Text;

import static vn.docket.command.notice.reading.ItemSplitter.DASH;

/**
 * Reads one item: its heading (title, kind, presenting unit) and its conclusion (verdict, lead,
 * coordinators, contributions, requirements, deadline, approval route).
 */
final class ItemReader {

    private static final Pattern MARKER = Pattern.compile("^(?:\\d{1,2}|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I|[a-zđ])\\s*[.)]\\s*");
    private static final Pattern DRAFT = Pattern.compile("(?iuU)^(?:(?:về|đối với)\\s+)?(dự thảo\\b.*)$");
    /** "(Phòng X trình)" or "- Phòng X trình", possibly followed by the conclusion itself. */
    private static final Pattern PRESENTED_IN_PARENS = Pattern.compile("(?iuU)\\(([^()]+?)\\s+trình\\)\\s*[.:]?\\s*");
    private static final Pattern PRESENTED_BY_DO = Pattern.compile("(?iuU)\\s+do\\s+(.+?)\\s+trình\\s*[.:]?\\s*$");
    private static final Pattern TITLE_NOTE = Pattern.compile("(?iuU)\\s*\\((?:trình|báo cáo)\\s[^()]*\\)\\s*$");
    private static final Pattern KIND_WORD = Pattern.compile("(?iuU)\\b(kế hoạch|báo cáo|đề án|chương trình)\\b");
    private static final Pattern APPROVED = Pattern.compile("(?iuU)\\bcơ bản (nhất trí|thống nhất)\\b");
    private static final Pattern SEND_TO = Pattern.compile("(?iuU)\\bgửi\\s+(?:về\\s+)?(?:cho\\s+)?");
    private static final Pattern COLLECTS = Pattern.compile("(?iuU)\\btổng hợp\\b");
    /** "giao X", not "giao ban" (a briefing); a time may come before the units ("đề nghị tháng 12/2018 X ..."). */
    private static final Pattern LEAD_GIAO = Pattern.compile("(?iuU)(?:^|[^\\p{L}])giao(?!\\s+(?-i:ban)\\b)\\s+(?:cho\\s+)?" + ItemSplitter.FOR_TIME);
    private static final Pattern LEAD_ASK = Pattern.compile("(?iuU)(?:^|[^\\p{L}])(?:yêu cầu|đề nghị|lưu ý)\\s+" + ItemSplitter.FOR_TIME);
    private static final Pattern ASKS = Pattern.compile("(?iuU)(?:(?:kính|xin)\\s+)?(?:giao|yêu cầu|đề nghị)\\b");
    private static final Pattern COORDINATE = Pattern.compile("(?iuU)\\bphối hợp\\s+(?:chặt chẽ\\s+)?(?:với\\s+)?(?:cùng\\s+)?");
    private static final Pattern MEMBERS = Pattern.compile("(?iuU)\\bgồm\\s*(?:có\\s+)?(?:các\\s+(?:đơn vị|cơ quan|phòng|sở|ban|ngành)\\s*)?:?\\s*");
    private static final Pattern LEAD_IN = Pattern.compile("(?iuU)(như sau|sau đây|gồm)\\s*:\\s*$|:\\s*$");
    /** Praise of the unit ("đánh giá cao tinh thần trách nhiệm ...") is no point to revise; a demand after "tuy nhiên" is. */
    private static final Pattern PRAISE = Pattern.compile("(?iuU)\\b(đánh giá cao|biểu dương|khen ngợi|hoan nghênh|ghi nhận)\\b");
    private static final Pattern CONTRAST = Pattern.compile("(?iuU)\\b(tuy nhiên|nhưng|song)\\b[\\s,]*");
    private static final Pattern REQUIREMENT = Pattern.compile(
            "(?iuU)^(yêu cầu|cần|bổ sung|xem xét|nghiên cứu|rà soát|chỉnh sửa|lưu ý|đề nghị)\\b|\\bcần\\b");
    /** Where the lead's task ends: the approval step or the deadline. */
    private static final Pattern TASK_END = Pattern.compile(
            "(?iuU)[,;]?\\s*(?:" + Words.submitting(false, "trình") + "\\s|thời (?:gian|hạn)|xong trước|hoàn thành trước|chậm nhất|trước\\s+(?:ngày|\\d)|trong thời hạn)");

    private final UnitDirectory directory;
    private final DeadlineReader deadlines;

    ItemReader(UnitDirectory directory, DeadlineReader deadlines) {
        this.directory = directory;
        this.deadlines = deadlines;
    }

    /**
     * What an item reader needs to know about the notice as a whole. {@code leadIn}: the units the
     * sentence before the items assigns ("đề nghị UBND các tỉnh ... như sau:"), for items that name none.
     */
    record Context(LocalDate issuedOn, LocalDate meetingOn, LocalDate yearReference, String level, List<String> leadIn) {
    }

    /**
     * One item, step by step: its opening (a draft presented by a unit, or a task), who leads and who
     * coordinates, contributions to the lead, the deadline, the approval route, and what the chair asked.
     * {@code unknown} collects the unit names the directory does not hold.
     */
    NoticeItem read(RawItem raw, Context context, List<String> previousLeads, Warnings warnings) {
        String path = "items[" + (raw.ordinal() - 1) + "]";
        Set<String> unknown = new LinkedHashSet<>();
        Opening opening = opening(raw, unknown, warnings, path);
        List<String> contributionParagraphs = new ArrayList<>();
        List<String> ownParagraphs = new ArrayList<>();
        for (String paragraph : opening.body()) {
            (isContribution(paragraph) ? contributionParagraphs : ownParagraphs).add(paragraph);
        }
        String own = String.join("\n", ownParagraphs);

        // "Đồng thời, chủ động chuẩn bị ...": a further task of the actor of the item before.
        List<String> carried = ItemSplitter.CONTINUATION.matcher(raw.paragraphs().get(0)).lookingAt() ? previousLeads : List.of();
        List<String> leads = leads(ownParagraphs, opening.presentedBy(), carried, context, unknown, warnings, path);
        List<String> coordinators = coordinators(ownParagraphs, leads, unknown, warnings, path);
        List<Contribution> contributions = new ArrayList<>();
        for (String paragraph : contributionParagraphs) {
            contributions.add(contribution(paragraph, context, unknown, warnings, path + ".contributions[" + contributions.size() + "]"));
        }
        Optional<Deadline> deadline = deadline(own, context, warnings, path + ".deadline");
        if (deadline.isEmpty()) {
            warnings.add(path + ".deadline", Doubt.of("deadline-missing", "Không thấy thời hạn"));
        }

        List<String> route = new ApprovalRouteReader(context.level(), directory).read(own);
        if (route.isEmpty() && opening.draft()) {
            warnings.add(path + ".submitTo", Doubt.of("route-missing", "Không thấy dự thảo trình cấp nào"));
        }
        MeetingVerdict verdict = opening.draft()
                ? (APPROVED.matcher(own).find() ? MeetingVerdict.APPROVED_IN_PRINCIPLE : MeetingVerdict.REVISION_REQUIRED) : null;
        List<String> requirements = requirements(ownParagraphs);
        if (requirements.isEmpty() && verdict == MeetingVerdict.REVISION_REQUIRED) {
            warnings.add(path + ".requirements", Doubt.of("requirements-unsplit", "Yêu cầu chỉnh sửa nhưng không tách được nội dung cần sửa"));
        }

        return new NoticeItem(raw.ordinal(), kind(opening.title()), opening.title(), opening.presentedBy(), verdict,
                requirements, leads.isEmpty() ? null : leads.get(0), leads, coordinators, contributions,
                deadline.map(Deadline::date).orElse(null), deadline.map(Deadline::text).orElse(null),
                route, List.copyOf(unknown), String.join("\n", raw.paragraphs()));
    }

    /**
     * How the item opens: a draft ("Dự thảo ... (Phòng X trình)") with its title and presenter, or a task,
     * whose heading is also the first part of the conclusion. {@code body} is the conclusion's paragraphs.
     */
    private record Opening(String title, boolean draft, String presentedBy, List<String> body) {
    }

    private Opening opening(RawItem raw, Set<String> unknown, Warnings warnings, String path) {
        String heading = MARKER.matcher(raw.paragraphs().get(0)).replaceFirst("").strip();
        List<String> body = new ArrayList<>(raw.paragraphs().subList(1, raw.paragraphs().size()));
        Matcher draftMatcher = DRAFT.matcher(heading);
        Heading parsed = parseHeading(draftMatcher.matches() ? draftMatcher.group(1) : heading);
        if (!draftMatcher.matches() && parsed.presenter() == null) {
            List<String> sentences = Sentences.split(DASH.matcher(heading).replaceFirst(""));
            body.add(0, heading);
            return new Opening(trimTitle(sentences.isEmpty() ? heading : sentences.get(0)), false, null, body);
        }
        if (!parsed.rest().isEmpty()) {
            body.add(0, parsed.rest());
        }
        String presentedBy = null;
        if (parsed.presenter() != null) {
            presentedBy = presenter(parsed.presenter(), unknown, warnings, path + ".presentedBy");
        } else {
            warnings.add(path + ".presentedBy", Doubt.of("presenter-missing", "Không thấy đơn vị trình dự thảo"));
        }
        return new Opening(trimTitle(parsed.title()), true, presentedBy, body);
    }

    private static String trimTitle(String title) {
        return title.replaceAll("[\\s.:;,\\-–]+$", "").strip();
    }

    /**
     * The units the item assigns; failing that, the actor it goes on from ({@code carried}), those of the
     * notice's lead-in, or the presenting unit.
     */
    private List<String> leads(List<String> ownParagraphs, String presentedBy, List<String> carried, Context context,
                               Set<String> unknown, Warnings warnings, String path) {
        List<String> leads = new ArrayList<>();
        for (UnitMention mention : lead(ownParagraphs)) {
            leads.addAll(names(mention, unknown, warnings, path + ".lead"));
        }
        if (!leads.isEmpty()) {
            return leads;
        }
        if (!carried.isEmpty()) {
            leads.addAll(carried);
            warnings.add(path + ".lead", Doubt.of("lead-from-previous", "Câu không nêu đơn vị thực hiện; tạm lấy đơn vị của mục trước: "
                    + String.join(", ", leads), "units", String.join(", ", leads)));
        } else if (!context.leadIn().isEmpty()) {
            // "... đề nghị UBND các tỉnh ... như sau: a) Chỉ đạo ...": the item's actor is in the lead-in.
            leads.addAll(context.leadIn());
            warnings.add(path + ".lead", Doubt.of("lead-from-lead-in", "Mục không nêu đơn vị thực hiện; tạm lấy đơn vị trong câu dẫn: "
                    + String.join(", ", leads), "units", String.join(", ", leads)));
        } else if (presentedBy != null) {
            leads.add(presentedBy);
            warnings.add(path + ".lead", Doubt.of("lead-from-presenter", "Không thấy đơn vị được giao chủ trì; tạm lấy đơn vị trình"));
        } else {
            warnings.add(path + ".lead", Doubt.of("lead-missing", "Không thấy đơn vị được giao chủ trì"));
        }
        return leads;
    }

    /** The units named after "phối hợp (với)", each once, none of them a lead. */
    private List<String> coordinators(List<String> ownParagraphs, List<String> leads, Set<String> unknown,
                                      Warnings warnings, String path) {
        List<String> coordinators = new ArrayList<>();
        for (String paragraph : ownParagraphs) {
            Matcher m = COORDINATE.matcher(paragraph);
            while (m.find()) {
                for (UnitMention mention : directory.leading(paragraph.substring(m.end()))) {
                    for (String name : names(mention, unknown, warnings, path + ".coordinators")) {
                        if (!coordinators.contains(name) && !leads.contains(name)) {
                            coordinators.add(name);
                        }
                    }
                }
            }
        }
        return coordinators;
    }


    /** The deadline {@code text} sets, with the reader's doubts about it as warnings; an early date is flagged. */
    private Optional<Deadline> deadline(String text, Context context, Warnings warnings, String field) {
        Optional<Deadline> found = deadlines.find(text, context.issuedOn(), context.meetingOn(), context.yearReference());
        found.ifPresent(d -> d.doubts().forEach(doubt -> warnings.add(field, doubt)));
        found.ifPresent(d -> flagEarly(d.date(), context, warnings, field));
        return found;
    }

    /** A date before the document was issued, or before the meeting: a misread date, or a year written wrong. */
    private static void flagEarly(LocalDate date, Context context, Warnings warnings, String field) {
        if (date != null && context.issuedOn() != null && date.isBefore(context.issuedOn())) {
            warnings.add(field, Doubt.of("deadline-before-issue", "Hạn " + Text.date(date) + " sớm hơn ngày ban hành văn bản ("
                    + Text.date(context.issuedOn()) + ")", "date", date, "issuedOn", context.issuedOn()));
        } else if (date != null && context.meetingOn() != null && date.isBefore(context.meetingOn())) {
            warnings.add(field, Doubt.of("deadline-before-meeting", "Hạn " + Text.date(date) + " sớm hơn ngày họp", "date", date));
        }
    }

    // --- heading ---

    private record Heading(String title, String presenter, String rest) {
    }

    private Heading parseHeading(String heading) {
        Matcher m = PRESENTED_IN_PARENS.matcher(heading);
        while (m.find()) {
            if (looksLikeUnit(m.group(1))) {
                return heading(heading, m.start(), m.group(1), m.end());
            }
        }
        m = PRESENTED_BY_DO.matcher(heading);
        if (m.find() && looksLikeUnit(m.group(1))) {
            return heading(heading, m.start(), m.group(1), m.end());
        }
        // "... giai đoạn 2020 – 2030 - Phòng Kinh tế thành phố trình": the unit is after one of the
        // dashes; titles have dashes too, so try from the last one back and prefer a known unit.
        Matcher trailing = Pattern.compile("(?iuU)\\s+trình\\s*[.:]?\\s*(?=$|\\p{Lu})").matcher(heading);
        while (trailing.find()) {
            String before = heading.substring(0, trailing.start());
            int fallback = -1;
            for (int dash = lastDash(before, before.length()); dash >= 0; dash = lastDash(before, dash)) {
                String candidate = before.substring(dash + 1).strip();
                if (directory.resolve(candidate).isPresent()) {
                    return heading(heading, dash, candidate, trailing.end());
                }
                if (fallback < 0 && looksLikeUnit(candidate)) {
                    fallback = dash;
                }
            }
            if (fallback >= 0) {
                return heading(heading, fallback, before.substring(fallback + 1).strip(), trailing.end());
            }
        }
        return new Heading(stripNote(heading), null, "");
    }

    private Heading heading(String heading, int titleEnd, String presenter, int restStart) {
        return new Heading(stripNote(heading.substring(0, titleEnd)), presenter.strip(), heading.substring(restStart).strip());
    }

    /** A dash that separates ("Báo cáo ... - Phòng X trình"), not one inside a word ("TC-KH"). */
    private static int lastDash(String text, int before) {
        for (int i = before - 1; i > 0; i--) {
            char c = text.charAt(i);
            if ((c == '-' || c == '–' || c == '—') && i + 1 < text.length() && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** "(Trình kỳ họp BTV Thành ủy tháng 11/2020)" says when the draft goes up; it is not the title. */
    private static String stripNote(String title) {
        String stripped = title.strip();
        String previous;
        do {
            previous = stripped;
            stripped = trimTitle(TITLE_NOTE.matcher(stripped).replaceFirst(""));
        } while (!stripped.equals(previous));
        return stripped;
    }

    private boolean looksLikeUnit(String text) {
        return directory.resolve(text).isPresent() || MentionScanner.headOf(text.strip()) != null;
    }

    /** Decided by the first deliverable word after "Dự thảo"; "Dự thảo triển khai ..." is a plan. */
    static DeliverableKind kind(String title) {
        String lower = title.toLowerCase(Locale.ROOT).replaceFirst("^(về|đối với)\\s+", "");
        boolean draft = lower.startsWith("dự thảo");
        String after = draft ? lower.substring("dự thảo".length()).strip() : lower;
        if (draft && after.startsWith("triển khai")) {
            return DeliverableKind.PLAN;
        }
        // A task ("Giao Sở Xây dựng chủ trì ...") names no deliverable kind unless it opens with one.
        Matcher m = KIND_WORD.matcher(after);
        if (m.find() && (draft || m.start() == 0)) {
            return switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "kế hoạch" -> DeliverableKind.PLAN;
                case "báo cáo" -> DeliverableKind.REPORT;
                case "đề án" -> DeliverableKind.SCHEME;
                default -> DeliverableKind.PROGRAMME;
            };
        }
        return DeliverableKind.OTHER;
    }

    // --- conclusion ---

    /** Input other units owe the lead: "gửi (về) phòng Z ... để tổng hợp", not the lead's own task. */
    private boolean isContribution(String paragraph) {
        Matcher send = SEND_TO.matcher(paragraph);
        boolean sends = false;
        while (send.find()) {
            if (!directory.leading(paragraph.substring(send.end())).isEmpty()) {
                sends = true;
                break;
            }
        }
        // The collecting comes after the sending ("gửi phòng Z để tổng hợp"); "X tổng hợp, báo cáo,
        // gửi Sở Y" is X's own task, and so is sending with no one named to send ("a) Chỉ đạo ...,
        // gửi Bộ Y trước ngày ... để tổng hợp", the lead's own item).
        if (!sends || !COLLECTS.matcher(paragraph).find(send.end()) || senders(paragraph).isEmpty()) {
            return false;
        }
        if (unitsLead(DASH.matcher(paragraph).replaceFirst(""))) {
            return false;
        }
        Matcher giao = LEAD_GIAO.matcher(paragraph);
        while (giao.find()) {
            if (unitsLead(paragraph.substring(giao.end()))) {
                return false;
            }
        }
        return true;
    }

    /** "X chủ trì ...": {@code text} opens with units that lead the work, not ones that send to the lead. */
    private boolean unitsLead(String text) {
        int end = directory.leadingEnd(text);
        return end > 0 && text.substring(end).strip().toLowerCase(Locale.ROOT).startsWith("chủ trì");
    }

    /**
     * The lead: "giao X chủ trì/tiếp thu ..." first, then "yêu cầu/đề nghị X ...", then a sentence
     * that opens with the unit ("Sở Xây dựng chủ trì ..."). A named unit beats a generic mention.
     */
    private List<UnitMention> lead(List<String> paragraphs) {
        List<UnitMention> generic = List.of();
        List<UnitMention> formula = List.of();
        for (Pattern pattern : List.of(LEAD_GIAO, LEAD_ASK)) {
            for (String paragraph : paragraphs) {
                Matcher m = pattern.matcher(paragraph);
                while (m.find()) {
                    String after = paragraph.substring(m.end());
                    List<UnitMention> units = directory.leading(after);
                    if (!units.isEmpty() && ItemSplitter.onlyCarriesOut(after.substring(directory.leadingEnd(after)))) {
                        // "yêu cầu Giám đốc Ban X và Thủ trưởng các đơn vị triển khai thực hiện.": a closing
                        // formula; the item's task, and its actor, are in its other sentences.
                        formula = formula.isEmpty() ? units : formula;
                        continue;
                    }
                    if (units.stream().anyMatch(u -> u.kind() != UnitMention.Kind.GENERIC)) {
                        return bodiesOfHolders(units, paragraphs);
                    }
                    if (!units.isEmpty() && generic.isEmpty()) {
                        generic = units;
                    }
                }
            }
        }
        List<UnitMention> openingGeneric = List.of();
        for (String paragraph : paragraphs) {
            for (String written : Sentences.split(DASH.matcher(paragraph).replaceFirst(""))) {
                String sentence = ItemSplitter.CONNECTIVE.matcher(written).replaceFirst("");
                String rest = whatUnitsDo(sentence);
                // "UBND thành phố đề nghị các cơ quan ...": the opening unit hands the work on; it is not the lead.
                if (rest == null || ASKS.matcher(rest).lookingAt() && !generic.isEmpty()) {
                    continue;
                }
                List<UnitMention> units = directory.leading(sentence);
                if (units.stream().anyMatch(u -> u.kind() != UnitMention.Kind.GENERIC)) {
                    return units;
                }
                if (openingGeneric.isEmpty()) {
                    openingGeneric = units;
                }
            }
        }
        // "Các Bộ, cơ quan, địa phương khác kịp thời báo cáo ...": a generic group is the lead when nothing names a unit.
        List<UnitMention> group = generic.isEmpty() ? openingGeneric : generic;
        return group.isEmpty() ? formula : group;
    }

    /**
     * "Giao Giám đốc Ban X chỉ đạo ..." in an item whose sentences have Ban X itself act ("Ban X khẩn
     * trương ..."): the work is the body's, and so is the lead. An office-holder of a body the item
     * does not name as acting stays the lead ("Chủ tịch UBND tỉnh Hưng Yên").
     */
    private List<UnitMention> bodiesOfHolders(List<UnitMention> leads, List<String> paragraphs) {
        List<UnitMention> acting = new ArrayList<>();
        for (String paragraph : paragraphs) {
            for (String written : Sentences.split(DASH.matcher(paragraph).replaceFirst(""))) {
                String sentence = ItemSplitter.CONNECTIVE.matcher(written).replaceFirst("");
                String rest = whatUnitsDo(sentence);
                if (rest != null && !ASKS.matcher(rest).lookingAt()) {
                    acting.addAll(directory.leading(sentence));
                }
            }
        }
        List<UnitMention> out = new ArrayList<>();
        for (UnitMention lead : leads) {
            String lower = lead.written().toLowerCase(Locale.ROOT);
            UnitMention body = lead;
            for (String holder : MentionScanner.OFFICE_HOLDERS) {
                if (lower.startsWith(holder + " ")) {
                    List<String> of = Tokens.key(lead.written().substring(holder.length()));
                    body = acting.stream().filter(a -> Tokens.key(a.written()).equals(of)).findFirst().orElse(lead);
                    break;
                }
            }
            if (!out.contains(body)) {
                out.add(body);
            }
        }
        return out;
    }

    private Contribution contribution(String paragraph, Context context, Set<String> unknown, Warnings warnings, String path) {
        String deliverTo = null;
        Matcher send = SEND_TO.matcher(paragraph);
        while (send.find()) {
            List<UnitMention> to = directory.leading(paragraph.substring(send.end()));
            if (!to.isEmpty()) {
                deliverTo = display(to.get(0), unknown, warnings, path + ".deliverTo");
                break;
            }
        }
        List<String> units = new ArrayList<>();
        for (UnitMention mention : senders(paragraph)) {
            String name = display(mention, unknown, warnings, path + ".units");
            if (!name.equals(deliverTo) && !units.contains(name)) {
                units.add(name);
            }
        }
        if (units.isEmpty()) {
            warnings.add(path + ".units", Doubt.of("contribution-units-missing", "Không rõ đơn vị nào phải gửi"));
        }
        Optional<Deadline> deadline = deadline(paragraph, context, warnings, path + ".deadline");
        return new Contribution(units, deliverTo, deadline.map(Deadline::date).orElse(null), deadline.map(Deadline::text).orElse(null));
    }

    /** The units a contribution paragraph makes send: "gồm: A, B", "yêu cầu A, B gửi ...", or those it opens with. */
    private List<UnitMention> senders(String paragraph) {
        Matcher members = MEMBERS.matcher(paragraph);
        if (members.find()) {
            List<UnitMention> from = directory.leading(paragraph.substring(members.end()));
            if (!from.isEmpty()) {
                return from;
            }
        }
        Matcher ask = Pattern.compile("(?iuU)^(?:[-+•]\\s*)?(?:yêu cầu|đề nghị|giao)\\s+(?:cho\\s+)?").matcher(paragraph);
        return directory.leading(ask.find() ? paragraph.substring(ask.end()) : DASH.matcher(paragraph).replaceFirst(""));
    }

    /**
     * The concrete things to revise or add: dash entries, "Yêu cầu ..." and "... cần ..."
     * sentences, and the clauses of the lead's task ("rà soát ...; xem xét ...; tiếp thu ...").
     * Lead-in sentences ("... như sau:"), verdicts and praise are not requirements.
     */
    private List<String> requirements(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        for (String paragraph : paragraphs) {
            boolean dash = DASH.matcher(paragraph).find();
            List<String> sentences = dash ? List.of(DASH.matcher(paragraph).replaceFirst("")) : Sentences.split(paragraph);
            for (String sentence : sentences) {
                Matcher praise = PRAISE.matcher(sentence);
                if (praise.find()) {
                    Matcher but = CONTRAST.matcher(sentence);
                    if (!but.find(praise.end())) {
                        continue;
                    }
                    sentence = sentence.substring(but.end());
                }
                if (LEAD_IN.matcher(sentence).find()) {
                    continue;
                }
                List<String> task = leadTask(sentence);
                if (!task.isEmpty()) {
                    task.stream().map(ItemReader::demandIn).filter(t -> t != null && !out.contains(t)).forEach(out::add);
                } else if ((dash || REQUIREMENT.matcher(sentence).find()) && !APPROVED.matcher(sentence).find()) {
                    out.add(sentence.replaceAll("[\\s.;]+$", ""));
                }
            }
        }
        return out;
    }

    /**
     * A clause of the unit's task that only approves ("[UBND thành phố] cơ bản nhất trí với nội dung dự thảo") is the
     * verdict, not a point to revise: null; a demand after "tuy nhiên" in it is kept.
     */
    private static String demandIn(String clause) {
        Matcher approved = APPROVED.matcher(clause);
        if (!approved.find()) {
            return clause;
        }
        Matcher but = CONTRAST.matcher(clause);
        return but.find(approved.end()) ? clause.substring(but.end()) : null;
    }

    /**
     * The clauses of "giao X <task>; <task>; <task>, trình ..." (or "yêu cầu X ...", or a sentence
     * opening with the unit), without the route and the deadline.
     */
    private List<String> leadTask(String sentence) {
        for (Pattern pattern : List.of(LEAD_GIAO, LEAD_ASK)) {
            Matcher m = pattern.matcher(sentence);
            while (m.find()) {
                String after = sentence.substring(m.end());
                int end = directory.leadingEnd(after);
                if (end > 0) {
                    return taskClauses(after.substring(end));
                }
            }
        }
        String rest = whatUnitsDo(sentence);
        if (rest != null && directory.leading(sentence).stream().anyMatch(u -> u.kind() != UnitMention.Kind.GENERIC)) {
            return taskClauses(rest);
        }
        return List.of();
    }

    /** "Sở Giao thông vận tải, Sở Xây dựng kiểm tra ...": what the units {@code sentence} opens with do; else null. */
    private String whatUnitsDo(String sentence) {
        int end = directory.leadingEnd(sentence);
        String rest = sentence.substring(end).strip();
        return end > 0 && !rest.isEmpty() && Character.isLowerCase(rest.codePointAt(0)) ? rest : null;
    }

    private static List<String> taskClauses(String afterUnits) {
        String task = afterUnits.strip();
        Matcher stop = TASK_END.matcher(task);
        if (stop.find()) {
            task = task.substring(0, stop.start());
        }
        List<String> parts = new ArrayList<>();
        for (String part : task.split(";")) {
            String clean = part.replaceAll("[\\s.,;:]+$", "").strip();
            if (clean.length() >= 10) {
                parts.add(clean);
            }
        }
        return parts;
    }

    /** The names a mention gives: each unit of a shorthand list, else the one unit. */
    private List<String> names(UnitMention mention, Set<String> unknown, Warnings warnings, String field) {
        if (mention.kind() == UnitMention.Kind.LIST) {
            return directory.members(mention);
        }
        return List.of(display(mention, unknown, warnings, field));
    }

    /** The units the lead-in of the items assigns: its last "giao / yêu cầu / đề nghị + units ... :" sentence. */
    static List<String> leadIn(List<String> head, UnitDirectory directory) {
        for (int i = head.size() - 1; i >= Math.max(0, head.size() - 3); i--) {
            String paragraph = head.get(i);
            if (!paragraph.strip().endsWith(":")) {
                continue;
            }
            Matcher m = ItemSplitter.ASSIGNING.matcher(paragraph);
            while (m.find()) {
                List<UnitMention> units = directory.leading(paragraph.substring(m.end()));
                if (!units.isEmpty()) {
                    List<String> names = new ArrayList<>();
                    units.forEach(u -> names.addAll(directory.members(u)));
                    return names;
                }
            }
        }
        return List.of();
    }

    private String display(UnitMention mention, Set<String> unknown, Warnings warnings, String field) {
        if (mention.kind() == UnitMention.Kind.UNKNOWN && unknown.add(mention.written())) {
            warnings.add(field, Doubt.of("unit-unknown", "Đơn vị không có trong danh mục: \"" + mention.written() + "\"",
                    "unit", mention.written()));
        }
        return mention.display();
    }

    /** A presenting unit written in the heading: resolved, or kept as written and flagged. */
    private String presenter(String written, Set<String> unknown, Warnings warnings, String field) {
        Optional<Unit> unit = directory.resolve(written);
        if (unit.isPresent()) {
            return unit.get().name();
        }
        if (!directory.isGeneric(written) && unknown.add(written)) {
            warnings.add(field, Doubt.of("unit-unknown", "Đơn vị không có trong danh mục: \"" + written + "\"", "unit", written));
        }
        return written;
    }
}
