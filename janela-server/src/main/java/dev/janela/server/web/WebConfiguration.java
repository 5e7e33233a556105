package dev.janela.server.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Spring MVC's part in authorisation: each endpoint's roles are checked before it runs. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {
    private final RoleCheck roleCheck;

    WebConfiguration(RoleCheck roleCheck) {
        this.roleCheck = roleCheck;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(roleCheck);
    }
}
