/**
 * Benchmarks: plain main programs with documented commands (docs/performance.md), not timed unit
 * tests. Each prints its figures and the machine it ran on.
 */
package org.switchboard.bench;
