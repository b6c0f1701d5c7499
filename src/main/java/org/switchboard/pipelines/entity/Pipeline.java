package org.switchboard.pipelines.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.switchboard.platform.persistence.Checks;

/** An ordered set of stages a ticket moves through, e.g. New → Waiting on contact → Waiting on us → Closed. */
@Entity
@Table(name = "pipelines")
@NamedQuery(name = "Pipeline.byName", query = "SELECT p FROM Pipeline p WHERE p.name = :name")
public class Pipeline {

    @Id
    @SequenceGenerator(name = "pipelines_seq", sequenceName = "pipelines_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pipelines_seq")
    private Long id;

    private String name;

    @OneToMany(mappedBy = "pipeline", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<PipelineStage> stages = new ArrayList<>();

    @Version
    private long version;

    protected Pipeline() {
    }

    public Pipeline(String name) {
        rename(name);
    }

    public void rename(String newName) {
        this.name = Checks.requireText(newName, "Pipeline name", 100);
    }

    public PipelineStage addStage(String stageName, boolean closesTicket) {
        String trimmed = Checks.requireText(stageName, "Stage name", 100);
        if (stages.stream().anyMatch(s -> s.getName().equalsIgnoreCase(trimmed))) {
            throw new IllegalArgumentException("Pipeline " + name + " already has a stage " + trimmed);
        }
        PipelineStage stage = new PipelineStage(this, trimmed, stages.size(), closesTicket);
        stages.add(stage);
        return stage;
    }

    /** The stage new and reopened tickets start in: the first stage that does not close. */
    public PipelineStage openStage() {
        return stages.stream().filter(s -> !s.isClosed()).findFirst()
                .orElseThrow(() -> new IllegalStateException("Pipeline " + name + " has no open stage"));
    }

    /** The first stage that closes a ticket. */
    public PipelineStage closedStage() {
        return stages.stream().filter(PipelineStage::isClosed).findFirst()
                .orElseThrow(() -> new IllegalStateException("Pipeline " + name + " has no closed stage"));
    }

    public boolean contains(PipelineStage stage) {
        return stage != null && stage.getPipeline() == this;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<PipelineStage> getStages() {
        return Collections.unmodifiableList(stages);
    }
}
