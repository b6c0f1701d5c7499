package org.switchboard.pipelines.control;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.pipelines.entity.Pipeline;
import org.switchboard.pipelines.entity.PipelineStage;

/** Pipelines and their stages; a new pipeline starts with an open stage and a closing one, so tickets can always move. */
@ApplicationScoped
@Transactional
public class PipelineService {

    @PersistenceContext
    EntityManager em;

    public record StageView(long id, String name, boolean closesTicket) {
    }

    public record PipelineView(long id, String name, List<StageView> stages) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PipelineView> list() {
        return em.createQuery("SELECT DISTINCT p FROM Pipeline p LEFT JOIN FETCH p.stages ORDER BY p.name", Pipeline.class).getResultStream()
                .map(PipelineService::view).toList();
    }

    public PipelineView create(String name) {
        if (!em.createNamedQuery("Pipeline.byName", Pipeline.class).setParameter("name", name.strip()).getResultList().isEmpty()) {
            throw new IllegalArgumentException("A pipeline named " + name.strip() + " exists already");
        }
        Pipeline pipeline = new Pipeline(name.strip());
        pipeline.addStage("New", false);
        pipeline.addStage("Closed", true);
        em.persist(pipeline);
        em.flush();
        return view(pipeline);
    }

    public PipelineView addStage(long pipelineId, String stageName, boolean closesTicket) {
        Pipeline pipeline = em.find(Pipeline.class, pipelineId);
        if (pipeline == null) {
            throw new IllegalArgumentException("No pipeline " + pipelineId);
        }
        pipeline.addStage(stageName, closesTicket);
        em.flush();
        return view(pipeline);
    }

    private static PipelineView view(Pipeline pipeline) {
        return new PipelineView(pipeline.getId(), pipeline.getName(), pipeline.getStages().stream()
                .map((PipelineStage s) -> new StageView(s.getId(), s.getName(), s.isClosed())).toList());
    }

    /** Every pipeline with its stages loaded, in name order (one transaction, so the stages can be read afterwards). */
    public List<Pipeline> pipelinesWithStages() {
        return em.createQuery("SELECT DISTINCT p FROM Pipeline p LEFT JOIN FETCH p.stages ORDER BY p.name", Pipeline.class).getResultList();
    }
}
