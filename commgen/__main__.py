"""Allow ``python -m commgen``."""

from commgen.cli import main

if __name__ == "__main__":
    main()
