"""The database itself refuses UPDATE and DELETE on ledger rows (TRUNCATE, used by test flushes, is allowed)."""

from django.db import migrations

FORWARD = """
CREATE FUNCTION credit_transactions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'credit_transactions is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER credit_transactions_append_only
    BEFORE UPDATE OR DELETE ON credit_transactions
    FOR EACH ROW EXECUTE FUNCTION credit_transactions_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS credit_transactions_append_only ON credit_transactions;
DROP FUNCTION IF EXISTS credit_transactions_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("credits", "0002_credit_ledger")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
