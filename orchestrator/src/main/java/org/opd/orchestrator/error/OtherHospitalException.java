package org.opd.orchestrator.error;

import java.util.Map;

/** A request joins records of two hospitals (a cabin, department or patient of another hospital than the doctor's). */
public class OtherHospitalException extends BusinessRuleException {

    /** @param field the request field naming the other hospital's record */
    public OtherHospitalException(String detail, String field) {
        super("other-hospital", "Belongs to another hospital", detail, Map.of("field", field));
    }
}
