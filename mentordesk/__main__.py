"""``python -m mentordesk`` runs the command line."""

import sys

from mentordesk.cli import main

sys.exit(main())
