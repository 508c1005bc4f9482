"""Team plans: publish a plan file to PostgreSQL, take it offline, bring it back; live changes
and roles (docs/team.md). The database side itself is db/postgresql.py and db/teamplan.py."""
