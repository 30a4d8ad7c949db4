package io.practicalsystems.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The one JAX-RS application, at the context root: every system's API lives under {@code /api/…}, and the URL
 * shortener's redirects are the shortest paths the layout allows, {@code /{code}}.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Practical Systems", version = "0.1.0",
        description = "Real, runnable distributed systems in one Jakarta EE application"))
public class PracticalSystemsApi extends Application {
}
