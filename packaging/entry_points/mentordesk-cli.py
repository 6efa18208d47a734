"""mentordesk-cli.exe: the command line in a console (scripts, scheduled tasks)."""

import sys

from mentordesk.cli import main

sys.exit(main())
