package org.switchboard.pipelines.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PipelineTest {

    @Test
    void stagesKeepTheirOrderAndKnowTheOpenAndClosedStage() {
        Pipeline p = new Pipeline("Support");
        p.addStage("New", false);
        p.addStage("Waiting", false);
        p.addStage("Closed", true);
        assertEquals(3, p.getStages().size());
        assertEquals(2, p.getStages().get(2).getPosition());
        assertEquals("New", p.openStage().getName());
        assertEquals("Closed", p.closedStage().getName());
    }

    @Test
    void stageNamesAreUniqueWithinAPipeline() {
        Pipeline p = new Pipeline("Support");
        p.addStage("New", false);
        assertThrows(IllegalArgumentException.class, () -> p.addStage("new", false));
    }

    @Test
    void aPipelineWithoutAnOpenOrClosedStageSaysSo() {
        Pipeline p = new Pipeline("Empty");
        assertThrows(IllegalStateException.class, p::openStage);
        p.addStage("Open", false);
        assertThrows(IllegalStateException.class, p::closedStage);
    }
}
