/** The pipelines API. */
package org.switchboard.pipelines.boundary;
