/** Skipped items of imports and the per-source lock. */
package org.switchboard.imports.entity;
