/** Creating pipelines and adding stages, for the settings screens. */
package org.switchboard.pipelines.control;
