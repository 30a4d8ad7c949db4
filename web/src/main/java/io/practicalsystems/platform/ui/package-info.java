/** Serves the React app's built files (web/ui) as static files beside the JAX-RS application at the context root. */
package io.practicalsystems.platform.ui;
