package vn.docket.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.security.CurrentActor;
import vn.docket.platform.users.UserStore;

/**
 * Who is signed in, and at which approval levels they may act: the web application shows a person only
 * the actions their role allows (the command side still checks every one).
 */
@RestController
@Tag(name = "Me")
class MeController {

    private final ApprovalLevels levels;
    private final UserStore users;

    MeController(ApprovalLevels levels, UserStore users) {
        this.levels = levels;
        this.users = users;
    }

    /** By {@link Role}: unitMember (staff and heads, who see their own unit's work only), leader, mayVerify (the store). */
    record Me(String id, String name, String unit, Role role, boolean unitMember, boolean leader, boolean mayVerify,
              List<Level> approvalLevels) {
    }

    /** A configured level; mayAct is true when this person may approve or send back drafts there. */
    record Level(String name, boolean outsideBody, boolean mayAct) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in user: id, name, unit, role, and the approval levels they may act at")
    Me me() {
        Actor actor = CurrentActor.get();
        List<String> granted = users.grantedLevels(actor.id());
        List<Level> all = levels.levels().stream()
                .map(l -> new Level(l.name(), l.outsideBody(), levels.mayActAt(l.name(), actor, granted)))
                .toList();
        Role role = actor.role();
        return new Me(actor.id(), actor.name(), actor.unit(), role, role.isUnitMember(), role.isLeader(), role.mayVerify(), all);
    }
}
