/** Faces beans of the workspace pages, attachment downloads and the push channel for live updates. */
package org.switchboard.workspace.boundary;
