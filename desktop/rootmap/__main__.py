import sys

from rootmap.cli import main

sys.exit(main())
