"""MentorDesk.exe: the windowed program (a command given to it runs the command line)."""

import sys

from ui.launch import main

sys.exit(main())
