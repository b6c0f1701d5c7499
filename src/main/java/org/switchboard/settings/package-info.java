/** The admins' settings screens: channels (connect, edit, routing), users, teams, skills, pipelines. */
package org.switchboard.settings;
