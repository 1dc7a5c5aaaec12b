package org.opd.orchestrator.cabin;

import java.util.List;

/** A cabin to create; null optional values take the schema's defaults. */
public record NewCabin(String cabinNumber, Integer floorNumber, List<String> equipment) {
}
