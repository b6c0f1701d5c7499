package org.switchboard.testing;

import org.switchboard.pipelines.entity.Pipeline;

/** Domain objects that many plain unit tests start from. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The same stages Switchboard seeds on first start. */
    public static Pipeline supportPipeline() {
        Pipeline p = new Pipeline("Support pipeline");
        p.addStage("New", false);
        p.addStage("Waiting on contact", false);
        p.addStage("Waiting on us", false);
        p.addStage("Closed", true);
        return p;
    }
}
