"""MentorDesk.exe: the windowed program (a command given to it runs the command line)."""

import sys

from ui.app import main

sys.exit(main())
