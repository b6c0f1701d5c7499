package org.switchboard.pipelines.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.pipelines.entity.Pipeline;
import org.switchboard.platform.startup.SchemaReady;

/** The "Support pipeline" every new channel's tickets go to unless told otherwise; made on the first start, kept afterwards. */
@ApplicationScoped
@Transactional
public class DefaultPipeline {

    public static final String NAME = "Support pipeline";

    @PersistenceContext
    EntityManager em;

    void seed(@Observes SchemaReady ready) {
        if (em.createNamedQuery("Pipeline.byName", Pipeline.class).setParameter("name", NAME).getResultList().isEmpty()) {
            Pipeline pipeline = new Pipeline(NAME);
            pipeline.addStage("New", false);
            pipeline.addStage("Waiting on contact", false);
            pipeline.addStage("Waiting on us", false);
            pipeline.addStage("Closed", true);
            em.persist(pipeline);
        }
    }

    /** The default pipeline itself. */
    public Pipeline get() {
        return em.createNamedQuery("Pipeline.byName", Pipeline.class).setParameter("name", NAME).getSingleResult();
    }
}
