package vn.docket.command.assignment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.command.assignment.AssignmentCommands.DecideExtension;
import vn.docket.command.assignment.AssignmentCommands.RequestExtension;
import vn.docket.command.dispatch.CommandDispatcher;

/** Gia hạn on request: the lead unit asks, a leader decides. A clerk's direct extension stays at /deadline-extensions. */
@RestController
@RequestMapping("/api/assignments/{id}/extension-requests")
@Tag(name = "Assignments (commands)")
class ExtensionController {

    private final CommandDispatcher commands;

    ExtensionController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record Request(LocalDate newDeadline, String reason, LocalDate effectiveDate) {
    }

    record Decision(Boolean approve, LocalDate newDeadline, String reason, LocalDate effectiveDate) {
    }

    @PostMapping
    @Operation(summary = "Ask for a later deadline (RequestExtension); staff of the lead unit")
    ResponseEntity<?> request(@PathVariable UUID id, @RequestBody Request r) {
        commands.send(new RequestExtension(id, r.newDeadline(), r.reason(), r.effectiveDate()));
        return ResponseEntity.status(201).body(Map.of("id", id));
    }

    @PostMapping("/decision")
    @Operation(summary = "Approve (possibly another date) or reject the pending request (DecideExtension); chair or vice-chair")
    ResponseEntity<?> decide(@PathVariable UUID id, @RequestBody Decision d) {
        commands.send(new DecideExtension(id, d.approve(), d.newDeadline(), d.reason(), d.effectiveDate()));
        return ResponseEntity.ok(Map.of("id", id));
    }
}
