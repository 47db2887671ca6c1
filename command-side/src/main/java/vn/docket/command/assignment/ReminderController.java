package vn.docket.command.assignment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.command.assignment.AssignmentCommands.SendReminder;
import vn.docket.command.dispatch.CommandDispatcher;

@RestController
@Tag(name = "Assignments (commands)")
class ReminderController {

    private final CommandDispatcher commands;

    ReminderController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record ReminderRequest(String note) {
    }

    @PostMapping("/api/assignments/{id}/reminders")
    @Operation(summary = "Chase the lead unit by hand (SendReminder); clerks only, while the unit holds the work")
    ResponseEntity<?> remind(@PathVariable UUID id, @RequestBody(required = false) ReminderRequest r) {
        commands.send(new SendReminder(id, r == null ? null : r.note()));
        return ResponseEntity.status(201).body(Map.of("id", id));
    }
}
