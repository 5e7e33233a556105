package dev.janela.server.web;

import dev.janela.server.access.Caller;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses, with 403, a caller whose role is not among the endpoint's {@link Allowed} roles. */
@Component
class RoleCheck implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isJanelas(method) || isWebhook(request)
                || method.hasMethodAnnotation(Unauthenticated.class)) {
            return true;
        }
        Allowed allowed = method.getMethodAnnotation(Allowed.class);
        Caller caller = Callers.of(request);
        if (allowed == null || Arrays.stream(allowed.value()).noneMatch(role -> role == caller.role())) {
            throw new Refusal(Reason.FORBIDDEN, "the " + caller.role().wireName() + " role may not "
                    + request.getMethod() + " " + request.getRequestURI());
        }
        return true;
    }

    /** Whether Janela wrote the endpoint (Spring's own error page has no caller to check). */
    private static boolean isJanelas(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("dev.janela.");
    }

    private static boolean isWebhook(HttpServletRequest request) {
        return ApiPaths.path(request).startsWith("/webhooks/");
    }
}
