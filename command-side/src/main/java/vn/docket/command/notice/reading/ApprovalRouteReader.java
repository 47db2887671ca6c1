package vn.docket.command.notice.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads where a finished draft or a result goes next ("trình Lãnh đạo UBND thành phố xem xét ban
 * hành ... trước khi trình tại kỳ họp Ban Thường vụ Thành ủy", "gửi báo cáo về Sở Xây dựng") as an
 * ordered list of level or unit names. Levels are matched on folded text, so "Thành ủy"/"Thành uỷ"
 * and "UBND"/"Ủy ban nhân dân" read alike; other recipients are the directory's units.
 */
final class ApprovalRouteReader {

    /**
     * "trình" as a verb (not "tờ trình", "giải trình", "trình bày": see {@link Words#submitting}); "gửi",
     * "phản ánh" and "bàn giao" name a recipient too ("gửi hỏa tốc đến Văn phòng Chính phủ").
     */
    private static final Pattern SUBMIT = Pattern.compile(
            "(?<!\\p{L})(" + Words.submitting(true, "trinh|bao cao|xin y kien|tham muu|gui|phan anh|ban giao") + ")\\s+");
    /**
     * "gửi báo cáo công tác tháng, quý về Văn phòng Bộ": the recipient after what is sent, in the same
     * clause; "báo cáo các vướng mắc để lãnh đạo UBND chỉ đạo": the body the purpose names ("de" is "để"
     * only where the text says so, not "đề xuất").
     */
    private static final Pattern TOWARDS = Pattern.compile("\\b(ve|den|toi|cho|len|de)\\s+");
    /** How far after the verb, within its clause, the word before the recipient may stand. */
    private static final Pattern CLAUSE = Pattern.compile("^[^;.:()]{0,60}");
    /** "bàn giao cho chủ đầu tư là Ban Quản lý dự án ...": the generic role, then the body that plays it. */
    private static final Pattern APPOSITION = Pattern.compile("(?uU)^(?:các\\s+)?\\p{Ll}[\\p{Ll}\\s]{0,30}?\\s+là\\s+(?=\\p{Lu})");
    /** What may stand between the verb and the recipient. */
    private static final Pattern BEFORE_RECIPIENT = Pattern.compile("^(?:ket qua |de xuat |hoa toc |truc tiep )?(?:(ve|den|len|toi|cho) )?(?:d/c |dong chi |dc )?");

    private static final String BODY = "(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)";
    private static final String LEVEL = "(thanh pho|tp|tinh|huyen|quan|thi xa|cap tinh|cap huyen|cap xa)";

    private record Level(Pattern pattern, String name) {
    }

    /** Tried in order at the words right after "trình"; {0} is replaced by the body's level. */
    private static final List<Level> LEVELS = List.of(
            level("(lanh dao|thuong truc) " + BODY + " " + LEVEL, "Lãnh đạo {2} {3}"),
            level("(lanh dao|thuong truc) " + BODY, "Lãnh đạo {2} {0}"),
            level("pho chu tich " + BODY + " " + LEVEL, "Phó Chủ tịch {1} {2} phụ trách lĩnh vực"),
            level("pho chu tich", "Phó Chủ tịch UBND {0} phụ trách lĩnh vực"),
            level("chu tich " + BODY + " " + LEVEL, "Chủ tịch {1} {2}"),
            level("chu tich", "Chủ tịch UBND {0}"),
            level("(?:tai |len |toi )?(?:(?:ky|phien) hop |hoi nghi )?(ban thuong vu|btv|thuong truc) (thanh|tinh|huyen|quan|thi) uy", "{party}"),
            level("pho thu tuong", "Phó Thủ tướng Chính phủ"),
            level("thu tuong", "Thủ tướng Chính phủ"),
            level("(?:tai )?(?:(?:ky|phien) hop )?chinh phu", "Chính phủ"),
            level("lanh dao bo", "Lãnh đạo Bộ"),
            level("bo truong", "Bộ trưởng"),
            level("(?:tai )?(?:ky hop )?" + BODY + " " + LEVEL, "{1} {2}"),
            level("cap co tham quyen", "cấp có thẩm quyền"),
            level("van phong chinh phu", "Văn phòng Chính phủ"));

    private static Level level(String regex, String name) {
        // "báo cáo kết quả lên Thủ tướng", "báo cáo đề xuất UBND huyện", "tham mưu cho UBND tỉnh": the words between the verb and the level.
        return new Level(Pattern.compile("^(?:(?:ket qua |de xuat |hoa toc |truc tiep )?(?:den |len |toi |ve |xin y kien |de |cho )?(?:d/c |dong chi |dc )?)"
                + regex + "\\b"), name);
    }

    private final String defaultLevel;
    private final UnitDirectory directory;

    /** @param defaultLevel "thành phố" or "tỉnh": the issuer's level, for "trình đ/c Phó Chủ tịch phụ trách" */
    ApprovalRouteReader(String defaultLevel, UnitDirectory directory) {
        this.defaultLevel = defaultLevel;
        this.directory = directory;
    }

    List<String> read(String text) {
        String folded = Fold.fold(text);
        List<String> route = new ArrayList<>();
        Matcher m = SUBMIT.matcher(folded);
        while (m.find()) {
            String name = recipient(text, folded, m.end(), false);
            if (name == null) {
                name = towards(text, folded, m.end());
            }
            if (name != null && !route.contains(name)) {
                route.add(name);
            }
        }
        return route;
    }

    /** The first recipient after "về / đến / tới / cho / lên / để" in the clause that starts at {@code at}, or null. */
    private String towards(String text, String folded, int at) {
        Matcher clause = CLAUSE.matcher(folded.substring(at));
        clause.find();
        Matcher towards = TOWARDS.matcher(folded.substring(at, at + clause.end()));
        while (towards.find()) {
            String word = towards.group(1);
            if (word.equals("de") && !text.substring(at + towards.start(), at + towards.end(1)).equalsIgnoreCase("để")) {
                continue;
            }
            String name = recipient(text, folded, at + towards.end(), !word.equals("cho") && !word.equals("de"));
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /** The level or unit named right at {@code at}, or null; {@code towards}: "về / đến / tới" stands before it. */
    private String recipient(String text, String folded, int at, boolean towards) {
        String rest = folded.substring(at);
        for (Level level : LEVELS) {
            Matcher lm = level.pattern().matcher(rest);
            if (lm.find()) {
                return name(level, lm);
            }
        }
        Matcher before = BEFORE_RECIPIENT.matcher(rest);
        before.find();
        // A unit the directory knows, or any named unit after "về / đến / tới" ("gửi về Văn phòng Bộ");
        // "tham mưu đề xuất với Thành ủy tổng kết Đề án ..." names no recipient.
        boolean named = towards || before.group(1) != null && !before.group(1).equals("cho");
        String after = text.substring(at + before.end());
        Matcher role = APPOSITION.matcher(after);
        if (role.find()) {
            // A role in lowercase words, then the body that plays it: a recipient, listed or not.
            return directory.leading(after.substring(role.end())).stream().filter(u -> u.kind() != UnitMention.Kind.GENERIC)
                    .map(UnitMention::display).findFirst().orElse(null);
        }
        return directory.leading(after).stream()
                .filter(u -> u.kind() == UnitMention.Kind.KNOWN || named && u.kind() == UnitMention.Kind.UNKNOWN)
                .map(UnitMention::display).findFirst().orElse(null);
    }

    private String name(Level level, Matcher lm) {
        if (level.name().equals("{party}")) {
            String kind = lm.group(1).equals("thuong truc") ? "Thường trực" : "Ban Thường vụ";
            String committee = switch (lm.group(2)) {
                case "thanh" -> "Thành ủy";
                case "tinh" -> "Tỉnh ủy";
                case "huyen" -> "Huyện ủy";
                case "quan" -> "Quận ủy";
                default -> "Thị ủy";
            };
            return kind + " " + committee;
        }
        String name = level.name().replace("{0}", defaultLevel);
        for (int g = 1; g <= lm.groupCount(); g++) {
            String token = "{" + g + "}";
            if (name.contains(token)) {
                name = name.replace(token, display(lm.group(g)));
            }
        }
        return name;
    }

    private static String display(String folded) {
        if (folded == null) {
            return "";
        }
        return switch (folded) {
            case "ubnd", "uy ban nhan dan" -> "UBND";
            case "hdnd", "hoi dong nhan dan" -> "HĐND";
            case "thanh pho", "tp" -> "thành phố";
            case "tinh" -> "tỉnh";
            case "huyen" -> "huyện";
            case "quan" -> "quận";
            case "thi xa" -> "thị xã";
            case "cap tinh" -> "cấp tỉnh";
            case "cap huyen" -> "cấp huyện";
            case "cap xa" -> "cấp xã";
            case "lanh dao", "thuong truc" -> "Lãnh đạo";
            default -> folded;
        };
    }
}
