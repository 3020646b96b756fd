-- The service plans switched off in one license (Graph's assignedLicense.disabledPlans). Kept
-- beside the assignment, whose rows are never updated, and gone with it.
CREATE TABLE license_disabled_plans (
  org_id           uuid NOT NULL,
  subscription_id  uuid NOT NULL,
  person_id        uuid NOT NULL,
  service_plan_ids uuid[] NOT NULL CHECK (cardinality(service_plan_ids) > 0),
  PRIMARY KEY (org_id, subscription_id, person_id),
  FOREIGN KEY (org_id, subscription_id, person_id)
    REFERENCES license_assignments (org_id, subscription_id, person_id) ON DELETE CASCADE
);
