package org.switchboard.channels.entity;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.switchboard.pipelines.entity.Pipeline;
import org.switchboard.pipelines.entity.PipelineStage;
import org.switchboard.platform.persistence.Checks;
import org.switchboard.pipelines.entity.Priority;

/**
 * Properties every new ticket from a channel starts with. Templates may use placeholders such as
 * {@code {{subject}}} and {@code {{contact.name}}}.
 */
@Embeddable
public class TicketDefaults {

    @ManyToOne(optional = false)
    @JoinColumn(name = "default_pipeline_id")
    private Pipeline pipeline;

    @ManyToOne(optional = false)
    @JoinColumn(name = "default_stage_id")
    private PipelineStage stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_priority")
    private Priority priority;

    @Column(name = "name_template")
    private String nameTemplate;

    @Column(name = "description_template")
    private String descriptionTemplate;

    @Column(name = "default_category")
    private String category;

    protected TicketDefaults() {
    }

    public TicketDefaults(Pipeline pipeline, PipelineStage stage, Priority priority,
                          String nameTemplate, String descriptionTemplate, String category) {
        this.pipeline = Checks.require(pipeline, "Pipeline");
        this.stage = Checks.require(stage, "Stage");
        if (!pipeline.contains(stage)) {
            throw new IllegalArgumentException("Stage " + stage.getName() + " is not in pipeline " + pipeline.getName());
        }
        this.priority = priority == null ? Priority.MEDIUM : priority;
        this.nameTemplate = nameTemplate == null || nameTemplate.isBlank() ? "{{subject}}" : Checks.requireText(nameTemplate, "Name template", 500);
        this.descriptionTemplate = Checks.optionalText(descriptionTemplate, "Description template", 4000);
        this.category = Checks.optionalText(category, "Category", 100);
    }

    /** Defaults for a pipeline: its open stage, medium priority, the subject as the ticket name. */
    public static TicketDefaults of(Pipeline pipeline) {
        return new TicketDefaults(pipeline, pipeline.openStage(), Priority.MEDIUM, null, null, null);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public PipelineStage stage() {
        return stage;
    }

    public Priority priority() {
        return priority;
    }

    public String nameTemplate() {
        return nameTemplate;
    }

    public String descriptionTemplate() {
        return descriptionTemplate;
    }

    public String category() {
        return category;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TicketDefaults other && Objects.equals(pipeline, other.pipeline) && Objects.equals(stage, other.stage)
                && priority == other.priority && Objects.equals(nameTemplate, other.nameTemplate)
                && Objects.equals(descriptionTemplate, other.descriptionTemplate) && Objects.equals(category, other.category);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pipeline, stage, priority, nameTemplate, descriptionTemplate, category);
    }
}
