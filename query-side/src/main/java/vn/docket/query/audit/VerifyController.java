package vn.docket.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.platform.eventstore.StoreVerifier;
import vn.docket.platform.eventstore.VerifyReport;
import vn.docket.platform.refusal.NotAllowed;
import vn.docket.platform.refusal.StateConflict;
import vn.docket.platform.security.CurrentActor;

/** The tamper check of the event store, for the people who answer to inspectors. */
@RestController
@Tag(name = "Audit")
class VerifyController {

    private final ObjectProvider<StoreVerifier> verifier;

    VerifyController(ObjectProvider<StoreVerifier> verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Walk the whole event store: how far it got (upTo, eventsChecked) and every event edited,"
            + " deleted or reordered and every checkpoint mismatch (position, assignment, sequence, what is wrong),"
            + " the first 100 listed")
    VerifyReport verify() {
        if (!CurrentActor.get().role().mayVerify()) {
            throw new NotAllowed("auditors-only", "Only auditors, administrators and the office's clerks may verify the event store.");
        }
        StoreVerifier available = verifier.getIfAvailable();
        if (available == null) {
            throw new StateConflict("verify-unavailable",
                    "Only Docket's own event store keeps hashes; this installation uses the axon-mongo engine.");
        }
        return available.verify();
    }
}
