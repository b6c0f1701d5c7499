package org.switchboard.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API lives under /api; versioned resources under /api/v1. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
