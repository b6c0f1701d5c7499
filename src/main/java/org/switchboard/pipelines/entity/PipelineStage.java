package org.switchboard.pipelines.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One stage of a {@link Pipeline}; created through {@link Pipeline#addStage}. */
@Entity
@Table(name = "pipeline_stages")
public class PipelineStage {

    @Id
    @SequenceGenerator(name = "pipeline_stages_seq", sequenceName = "pipeline_stages_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pipeline_stages_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pipeline_id")
    private Pipeline pipeline;

    private String name;

    private int position;

    /** Tickets in this stage count as closed. */
    @Column(name = "closes_ticket")
    private boolean closed;

    protected PipelineStage() {
    }

    PipelineStage(Pipeline pipeline, String name, int position, boolean closed) {
        this.pipeline = pipeline;
        this.name = name;
        this.position = position;
        this.closed = closed;
    }

    public Long getId() {
        return id;
    }

    public Pipeline getPipeline() {
        return pipeline;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }

    public boolean isClosed() {
        return closed;
    }
}
