package vn.docket.app.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.platform.security.DemoUsers;

/**
 * The one thing the sign-in page may say before anyone signs in: in the demo set-up, which demo users
 * exist (their password is "demo"). Outside the demo the list is empty.
 */
@RestController
class SignInHint {

    private final boolean demo;

    SignInHint(@Value("${docket.security.demo-users:false}") boolean demo) {
        this.demo = demo;
    }

    record Hint(List<String> demoUsers) {
    }

    @GetMapping("/ui/sign-in-hint")
    Hint hint() {
        return new Hint(demo ? DemoUsers.ids() : List.of());
    }
}
