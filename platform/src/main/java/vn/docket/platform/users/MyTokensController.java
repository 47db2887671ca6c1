package vn.docket.platform.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.Actor;
import vn.docket.platform.security.CurrentActor;

/**
 * Each person's own personal access tokens, for integrations that call the API without a password:
 * {@code Authorization: Bearer dkt_...}. The token is in the answer to its creation only.
 */
@RestController
@RequestMapping("/api/me/tokens")
@Tag(name = "Sign-in")
class MyTokensController {

    private final UserAccounts accounts;

    MyTokensController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    record NewToken(String label) {
    }

    @GetMapping
    @Operation(summary = "My tokens (never the tokens themselves)")
    List<AccessTokens.TokenView> list() {
        return accounts.tokens(CurrentActor.get().id());
    }

    @PostMapping
    @Operation(summary = "Issue a token; it is shown in this answer only")
    ResponseEntity<UserAccounts.IssuedToken> issue(@RequestBody NewToken request) {
        Actor me = CurrentActor.get();
        UserAccounts.IssuedToken issued = accounts.issueToken(me.id(), request.label(), me);
        return ResponseEntity.created(URI.create("/api/me/tokens/" + issued.tokenId())).body(issued);
    }

    @PostMapping("/{tokenId}/revoke")
    @Operation(summary = "Revoke a token: refused from the next request on")
    ResponseEntity<Void> revoke(@PathVariable String tokenId) {
        Actor me = CurrentActor.get();
        accounts.revokeToken(me.id(), tokenId, me);
        return ResponseEntity.noContent().build();
    }
}
