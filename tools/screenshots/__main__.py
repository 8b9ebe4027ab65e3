"""`python -m tools.screenshots OUTDIR [--sizes WxH,...]` (render.py does the work)."""

import sys

from tools.screenshots.render import main

sys.exit(main(sys.argv[1:]))
