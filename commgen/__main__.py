"""Allow ``python -m commgen``."""

from commgen.app.cli import main

if __name__ == "__main__":
    main()
