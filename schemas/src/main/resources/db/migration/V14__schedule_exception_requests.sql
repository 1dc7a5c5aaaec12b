-- Who asked for a schedule exception and who approved it: staff subjects (an account, or a
-- credential), which need not be doctors; spec 004's approver_id (a doctor) stays for the
-- approving department head who is also a doctor.
ALTER TABLE schedule_exceptions
    ADD COLUMN requested_by UUID,
    ADD COLUMN approved_by UUID;
