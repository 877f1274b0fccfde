-- Issue 10: conversion_queue_counts kept by a trigger (drizzle cannot express triggers).
-- Counts signed conversions (submitted_at is not null) per status, for the office queue's tabs.
CREATE OR REPLACE FUNCTION conversion_queue_counts_sync() RETURNS trigger AS $$
DECLARE
  old_counted boolean := TG_OP IN ('UPDATE', 'DELETE') AND OLD.submitted_at IS NOT NULL;
  new_counted boolean := TG_OP IN ('INSERT', 'UPDATE') AND NEW.submitted_at IS NOT NULL;
BEGIN
  IF old_counted AND new_counted AND OLD.status = NEW.status THEN
    RETURN NULL;
  END IF;
  -- Counter rows are always locked in status-name order: two opposite transitions at once
  -- (submitted -> returned and returned -> submitted) can never deadlock.
  IF old_counted AND (NOT new_counted OR OLD.status < NEW.status) THEN
    UPDATE conversion_queue_counts SET n = n - 1 WHERE status = OLD.status;
    old_counted := false;
  END IF;
  IF new_counted THEN
    INSERT INTO conversion_queue_counts (status, n) VALUES (NEW.status, 1)
      ON CONFLICT (status) DO UPDATE SET n = conversion_queue_counts.n + 1;
  END IF;
  IF old_counted THEN
    UPDATE conversion_queue_counts SET n = n - 1 WHERE status = OLD.status;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER conversions_queue_counts AFTER INSERT OR DELETE OR UPDATE OF status, submitted_at ON conversions
  FOR EACH ROW EXECUTE FUNCTION conversion_queue_counts_sync();
--> statement-breakpoint
INSERT INTO conversion_queue_counts (status, n)
  SELECT status, count(*)::int FROM conversions WHERE submitted_at IS NOT NULL GROUP BY status
  ON CONFLICT (status) DO UPDATE SET n = excluded.n;
