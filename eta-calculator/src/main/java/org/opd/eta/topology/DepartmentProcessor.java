package org.opd.eta.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.opd.schemas.alert.AlertSeverity;
import org.opd.schemas.alert.AlertType;
import org.opd.schemas.alert.OperationsAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each department's load (doctor loads arrive repartitioned by department id) and raises a
 * BOTTLENECK alert while its tokens in line or their average wait so far reach the thresholds;
 * resolves it when both are below again. Also re-checked on the wall clock, as waits grow by themselves.
 */
final class DepartmentProcessor implements Processor<String, DoctorLoad, String, OperationsAlert> {

    private static final Logger log = LoggerFactory.getLogger(DepartmentProcessor.class);

    private final TopologySettings settings;
    private ProcessorContext<String, OperationsAlert> context;
    private KeyValueStore<String, DepartmentLoad> departments;

    DepartmentProcessor(TopologySettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, OperationsAlert> context) {
        this.context = context;
        this.departments = context.getStateStore(QueueTopology.DEPARTMENT_STORE);
        context.schedule(settings.recomputeInterval(), PunctuationType.WALL_CLOCK_TIME, this::recheckAll);
    }

    @Override
    public void process(Record<String, DoctorLoad> record) {
        DoctorLoad load = record.value();
        if (record.key() == null || load == null || load.deptId() == null) {
            return;
        }
        DepartmentLoad current = departments.get(record.key());
        DepartmentLoad next = (current != null ? current : DepartmentLoad.empty(load.deptId(), load.hospitalId())).with(load);
        departments.put(record.key(), check(next, record.timestamp()));
    }

    private void recheckAll(long wallClockMillis) {
        List<KeyValue<String, DepartmentLoad>> all = new ArrayList<>();
        try (KeyValueIterator<String, DepartmentLoad> iterator = departments.all()) {
            iterator.forEachRemaining(all::add);
        }
        for (KeyValue<String, DepartmentLoad> entry : all) {
            DepartmentLoad checked = check(entry.value.at(Instant.ofEpochMilli(wallClockMillis)), wallClockMillis);
            if (checked.bottleneckOpen() != entry.value.bottleneckOpen()) {
                departments.put(entry.key, checked);
            }
        }
    }

    private DepartmentLoad check(DepartmentLoad load, long timestamp) {
        int inLine = load.inLine();
        long averageWait = load.averageWaitMinutes();
        boolean holds = inLine >= settings.bottleneckInLine()
                || (inLine > 0 && averageWait >= settings.bottleneckAverageWait().toMinutes());
        if (holds == load.bottleneckOpen()) {
            return load;
        }
        OperationsAlert alert = new OperationsAlert(OperationsAlert.SCHEMA_VERSION, UUID.randomUUID(), AlertType.BOTTLENECK,
                holds ? AlertSeverity.CRITICAL : AlertSeverity.INFO, "DEPARTMENT", load.deptId(), load.deptId(), load.hospitalId(),
                holds ? "Department has " + inLine + " in line, waiting " + averageWait + " min on average" : "BOTTLENECK cleared",
                Map.of("tokensInLine", inLine, "averageWaitMinutes", averageWait), !holds, load.asOf());
        context.forward(new Record<>(alert.key(), alert, timestamp, new RecordHeaders()));
        log.info("{} BOTTLENECK for department {}: {} in line, {} min average wait", holds ? "Raised" : "Resolved",
                load.deptId(), inLine, averageWait);
        return load.withBottleneckOpen(holds);
    }
}
