package org.opd.deploy.load;

/**
 * How a simulated OPD morning goes for each doctor.
 *
 * @param lineTarget     new patients arrive while fewer than this many are booked, checked in or waiting
 * @param tokensPerShift patients a doctor sees in the morning (the doctor's {@code maxTokensPerSession})
 * @param noShowShare    share of booked patients who never come (marked no-show by the desk)
 * @param seniorShare    share of patients with priority 2 (seniors go ahead)
 * @param emergencyShare share of patients who arrive as emergencies (priority 3)
 */
record MorningProfile(int lineTarget, int tokensPerShift, double noShowShare, double seniorShare, double emergencyShare) {

    static final MorningProfile DEFAULT = new MorningProfile(12, 500, 0.04, 0.15, 0.02);
}
