"""``python -m app`` = the ``bonemet`` command."""

import sys

from app.cli import main

sys.exit(main())
