"""Print the requirement blocks of the named packages from a hashed lock file.

`make setup` installs the lock's own pinned, hashed pip before anything else:
    python scripts/lock_pick.py requirements.lock pip > .venv/pip.lock
"""

import re
import sys


def pick(text: str, name: str) -> str:
    block = re.compile(rf"^{re.escape(name)}(\[[^\]]*\])?==\S+(?: \\\n\s+--hash=sha256:[0-9a-f]+)+", re.M)
    match = block.search(text)
    if not match:
        sys.exit(f"lock_pick: {name} is not pinned in the lock")
    return match.group(0)


if __name__ == "__main__":
    lock = open(sys.argv[1], encoding="utf-8").read()
    print("\n".join(pick(lock, name) for name in sys.argv[2:]))
