"""Entry point of the frozen bundle: the same as the `rootmap` console script."""

import sys

from rootmap.cli import main

if __name__ == "__main__":
    sys.exit(main())
