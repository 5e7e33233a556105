package dev.janela.server.signin;

import dev.janela.server.account.Users;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Who may sign in to the web pages: a user of any account, by address and password. */
@Component
class SignIns implements UserDetailsService {
    private final Users users;

    SignIns(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Users.SignIn signIn = users.findSignIn(email).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return new User(signIn.user().email(), signIn.passwordHash(),
                List.of(new SimpleGrantedAuthority("ROLE_" + signIn.user().role().name())));
    }
}
