package dev.janela.server.signin;

import dev.janela.server.account.Passwords;
import dev.janela.server.account.SignInThrottle;
import dev.janela.server.account.Users;
import dev.janela.server.web.ApiPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Two ways in. The API keeps its own authentication (bearer tokens, webhook signatures) and has no session or cookie,
 * so no CSRF token either. The web pages sign a person in with a form, within the limits of {@link SignInThrottle},
 * keep them in a session cookie, ask a CSRF token of every form and htmx request that changes something, and are sent
 * with a Content-Security-Policy that lets them run Janela's own scripts only.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    static final String SIGN_IN = "/sign-in";
    /**
     * What the pages may load and do: their own scripts, styles, images and requests (htmx and Chart.js are served
     * from Janela's own jar), no inline script or style, no plugin, no base other than the page's; forms post only to
     * Janela, and no other site may frame a page (clickjacking).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The API's chain does nothing but keep the pages' chain away: the API authenticates for itself, so the filters
     * Spring Security adds by default (security context, anonymous user, request cache, logout...) would do nothing
     * for it but take time. Only the security headers stay.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher(ApiPaths::isApi)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.disable())
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(handling -> handling.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Users users, UserDetailsService signIns, PasswordEncoder encoder,
            SignInThrottle throttle) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(signIns);
        passwords.setPasswordEncoder(encoder);
        return http
                .authenticationManager(new ProviderManager(new ThrottledSignIns(throttle, passwords)))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy
                        .policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGN_IN, "/css/**", "/js/**", "/webjars/**", "/favicon.svg", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN).usernameParameter("email")
                        .defaultSuccessUrl("/", false).failureHandler(signInFailed()))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl(SIGN_IN + "?signed-out"))
                .addFilterAfter(new SignedInCallers(users), AuthorizationFilter.class)
                .build();
    }

    /** Back to the form, which says why: a wrong address or password, or a pause and how long it lasts. */
    private static AuthenticationFailureHandler signInFailed() {
        return (request, response, failure) -> response.sendRedirect(request.getContextPath() + SIGN_IN
                + (failure instanceof ThrottledSignIns.Paused paused ? "?paused=" + paused.minutes() : "?failed"));
    }

    /**
     * No Micrometer observation of each security filter: with the actuator present, Spring Security would wrap every
     * filter of every request in one, which cost webhooks about 7% of their throughput. Requests are still timed as a
     * whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Passwords are checked the one way Janela hashes them. */
    @Bean
    PasswordEncoder passwordEncoder(Passwords passwords) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence password) {
                return passwords.hash(password.toString());
            }

            @Override
            public boolean matches(CharSequence password, String hash) {
                return passwords.matches(password.toString(), hash);
            }
        };
    }
}
