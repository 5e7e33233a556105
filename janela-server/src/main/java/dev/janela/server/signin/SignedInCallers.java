package dev.janela.server.signin;

import dev.janela.server.access.Caller;
import dev.janela.server.account.Users;
import dev.janela.server.web.Callers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who a signed-in person is at each request: the user as they are now, so that a changed role counts at once and a
 * removed user is signed out. Not a bean, so that it runs in the pages' security chain only.
 */
class SignedInCallers extends OncePerRequestFilter {
    private final Users users;

    SignedInCallers(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> email = signedIn();
        if (email.isPresent()) {
            Optional<Users.User> user = users.findSignIn(email.get()).map(Users.SignIn::user);
            if (user.isEmpty()) {
                signOut(request, response);
                return;
            }
            Callers.attach(request, new Caller(user.get().accountId(), Optional.empty(), Optional.of(user.get().id()),
                    user.get().role(), user.get().email()));
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }

    private static void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityContextHolder.clearContext();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN);
    }
}
