package io.practicalsystems.platform.rest.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * An admin endpoint is any resource method that {@link RolesAllowed} restricts (on the method or its class): each
 * gets the {@link AdminRequestGuard}. Keyed on the annotation that makes an endpoint admin-only, so a new admin
 * endpoint cannot be added without its guard.
 */
@Provider
public class AdminEndpoints implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod().isAnnotationPresent(RolesAllowed.class)
                || resource.getResourceClass().isAnnotationPresent(RolesAllowed.class)) {
            context.register(AdminRequestGuard.class);
        }
    }
}
