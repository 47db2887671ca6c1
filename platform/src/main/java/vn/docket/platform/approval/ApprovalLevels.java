package vn.docket.platform.approval;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.Text;

/**
 * The levels an approval route may climb, and who may act at each. A level that is an outside body
 * (Ban Thường vụ Thành ủy) decides at its own meeting; a clerk records that decision, citing it.
 */
@ConfigurationProperties(prefix = "docket.approval")
public record ApprovalLevels(List<Level> levels) {

    public ApprovalLevels {
        levels = levels == null || levels.isEmpty() ? defaults() : List.copyOf(levels);
    }

    /**
     * @param name        the level's name as it appears in notices and routes
     * @param roles       who may approve or request a revision at this level
     * @param outsideBody true when a clerk records the decision of a body outside the Committee
     */
    public record Level(String name, Set<Role> roles, boolean outsideBody) {
        public Level {
            name = Text.clean(name);
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    public static List<Level> defaults() {
        return List.of(
                new Level("Lãnh đạo UBND thành phố", Set.of(Role.CHAIR, Role.VICE_CHAIR), false),
                new Level("Chủ tịch UBND thành phố", Set.of(Role.CHAIR), false),
                new Level("Phó Chủ tịch UBND thành phố phụ trách lĩnh vực", Set.of(Role.VICE_CHAIR), false),
                new Level("Ban Thường vụ Thành ủy", Set.of(Role.CLERK), true),
                new Level("Lãnh đạo UBND tỉnh", Set.of(Role.CHAIR, Role.VICE_CHAIR), false),
                new Level("Chủ tịch UBND tỉnh", Set.of(Role.CHAIR), false),
                new Level("Ban Thường vụ Tỉnh ủy", Set.of(Role.CLERK), true),
                new Level("Phó Chủ tịch UBND tỉnh phụ trách lĩnh vực", Set.of(Role.VICE_CHAIR), false),
                new Level("Thường trực Thành ủy", Set.of(Role.CLERK), true),
                new Level("Thường trực Tỉnh ủy", Set.of(Role.CLERK), true),
                new Level("HĐND thành phố", Set.of(Role.CLERK), true),
                new Level("HĐND tỉnh", Set.of(Role.CLERK), true),
                new Level("Thủ tướng Chính phủ", Set.of(Role.CLERK), true),
                new Level("Phó Thủ tướng Chính phủ", Set.of(Role.CLERK), true),
                new Level("Chính phủ", Set.of(Role.CLERK), true),
                // A contribution goes to the unit that leads the main assignment, to be compiled into its draft.
                new Level("Đơn vị chủ trì tổng hợp", Set.of(Role.UNIT_HEAD, Role.UNIT_STAFF, Role.CLERK), false));
    }

    public Optional<Level> find(String name) {
        String wanted = Text.clean(name);
        return levels.stream().filter(l -> l.name().equalsIgnoreCase(wanted)).findFirst();
    }

    public boolean isKnown(String name) {
        return find(name).isPresent();
    }

    public boolean isOutsideBody(String name) {
        return find(name).map(Level::outsideBody).orElse(false);
    }

    /** Docket itself (importing a meeting's conclusions) acts at any level. */
    public boolean mayActAt(String name, Actor actor) {
        return mayActAt(name, actor, List.of());
    }

    /** @param granted levels an administrator granted this person on top of their role (recorded as events) */
    public boolean mayActAt(String name, Actor actor, List<String> granted) {
        return actor.role() == Role.SYSTEM
                || find(name).map(l -> l.roles().contains(actor.role())
                        || granted.stream().anyMatch(g -> l.name().equalsIgnoreCase(Text.clean(g)))).orElse(false);
    }
}
