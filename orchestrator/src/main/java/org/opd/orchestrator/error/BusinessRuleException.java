package org.opd.orchestrator.error;

import java.util.Map;

/** The request is well-formed but breaks a rule of the hospital's domain (shift, geofence, hospital boundaries). */
public class BusinessRuleException extends ProblemException {

    public BusinessRuleException(String type, String title, String detail, Map<String, Object> properties) {
        super(type, title, detail, properties);
    }
}
