"""Fingerprints of bytes for RootMap's own caches (the map geometry, the parsed knowledge).

A cache entry is used only for the exact bytes it was made from, and a damaged cache
file is ignored. Both checks have to notice an accidental change (an edited file, a
truncated write, a flipped bit), not resist a forger: the caches live in the user's own
folder, and whoever can write there can write a matching digest of any strength. The
length and a CRC-32 do that job (CRC-32 catches every error burst of up to 32 bits)
without the OpenSSL library that ``hashlib`` loads, about 2.5 ms of every start-up.
"""

from __future__ import annotations

import zlib


def fingerprint(data: bytes) -> str:
    """``<length in hex>-<CRC-32 in hex>``, e.g. ``"1a2b-89abcdef"``."""
    return f"{len(data):x}-{zlib.crc32(data):08x}"
