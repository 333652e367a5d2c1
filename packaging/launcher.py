"""Entry point of the frozen bundle: the same as the `rootmap` console script."""

import multiprocessing
import sys

if __name__ == "__main__":
    # First of all: `rootmap cohort` runs its workers in a process pool, and in the bundle
    # every helper process (each spawned worker, multiprocessing's resource tracker) is this
    # executable started again with multiprocessing's own arguments. PyInstaller's
    # freeze_support recognises them, runs the helper and exits; without it they reached
    # the command line ("invalid choice: 'tracker_fd=9'") and the pool broke. Outside a
    # frozen build (and so from source, `python -m rootmap`, the console script) it does nothing.
    multiprocessing.freeze_support()

    from rootmap.cli import main

    sys.exit(main())
