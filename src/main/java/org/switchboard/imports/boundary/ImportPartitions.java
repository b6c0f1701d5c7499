package org.switchboard.imports.boundary;

import java.util.Arrays;
import java.util.Properties;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;


/** One partition per IMAP folder, read in parallel (two at a time); an archive is one partition. */
@Dependent
@Named
public class ImportPartitions implements PartitionMapper {

    @Inject
    JobContext job;

    @Override
    public PartitionPlan mapPartitions() {
        Properties parameters = jakarta.batch.runtime.BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        String[] parts = "IMAP".equals(parameters.getProperty("source"))
                ? parameters.getProperty("folders", "INBOX").split(",")
                : new String[]{parameters.getProperty("archive")};
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(parts.length);
        plan.setThreads(Math.min(parts.length, 2));
        plan.setPartitionProperties(Arrays.stream(parts).map(part -> {
            Properties properties = new Properties();
            properties.setProperty("part", part);
            return properties;
        }).toArray(Properties[]::new));
        return plan;
    }

}
