package dev.janela.server.account;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.web.Allowed;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/users}: the account's people and their roles, for admins. */
@RestController
class UserController {
    private final Team team;
    private final Users users;

    UserController(Team team, Users users) {
        this.team = team;
        this.users = users;
    }

    record UserList(List<UserView> users) {
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView add(@RequestBody Team.NewUser request, Caller caller) {
        return UserView.of(team.add(caller, request));
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/api/users")
    UserList list(Caller caller) {
        return new UserList(users.list(caller.accountId()).stream().map(UserView::of).toList());
    }

    @Allowed({Role.ADMIN})
    @PatchMapping("/api/users/{id}")
    UserView change(@PathVariable long id, @RequestBody Team.UserChange request, Caller caller) {
        return UserView.of(team.change(caller, id, request));
    }

    /** Removes the user and revokes their tokens at once; what they wrote keeps their name. */
    @Allowed({Role.ADMIN})
    @DeleteMapping("/api/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long id, Caller caller) {
        team.remove(caller, id);
    }
}
