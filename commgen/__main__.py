"""Allow ``python -m commgen``."""

import sys

try:
    from commgen.app.cli import main
except KeyboardInterrupt:  # Ctrl-C while Python is still loading commgen: nothing started yet
    sys.exit(130)

if __name__ == "__main__":
    main()
