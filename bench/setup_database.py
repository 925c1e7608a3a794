"""Set-up step run in the server's environment: migrate the fresh database, then make a
facilitator account and its API key with the same services an administrator uses. Prints
the key on the last line.

On PostgreSQL it also moves the workshops' id sequence past any id a test reaches (see
servers.FIRST_WORKSHOP_ID).

    python -m bench.setup_database
"""

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.servers import FIRST_WORKSHOP_ID  # noqa: E402
from samenspel.accounts.services import create_api_token, create_staff_user  # noqa: E402
from samenspel.workshops.models import Workshop  # noqa: E402

call_command("migrate", interactive=False, verbosity=0)
user = create_staff_user("bench", "facilitator")
_token, secret = create_api_token(user, "load benchmark")
if connection.vendor == "postgresql":
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)",
            [Workshop._meta.db_table, FIRST_WORKSHOP_ID],
        )
connection.close()
print(secret)
