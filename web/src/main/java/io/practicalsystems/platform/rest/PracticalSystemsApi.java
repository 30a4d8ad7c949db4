package io.practicalsystems.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** All systems' REST resources live under /api. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Practical Systems", version = "0.1.0",
        description = "Real, runnable distributed systems in one Jakarta EE application"))
public class PracticalSystemsApi extends Application {
}
