"""The secret keys behind guarded names, kept outside every file commgen writes.

A guarded name is stored as a keyed hash (HMAC-SHA256). Without the key, the hashes in an
answers file cannot be tried against a list of names. The key lives in the operating system's
keyring (Windows Credential Manager, macOS Keychain, the Secret Service on Linux) through the
``keyring`` package; where there is none, in a file readable only by the user in the user's
configuration folder (``platformdirs``). The answers file names only the key's id.

``COMMGEN_CONFIG`` moves the configuration folder (tests use it); ``COMMGEN_KEYRING=0`` keeps
keys out of the OS keyring and in the file.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path

SERVICE = "commgen"
_ID = re.compile(r"^[0-9a-f]{16}$")
_cache: dict[str, bytes | None] = {}


def config_dir() -> Path:
    """The user's configuration folder for commgen (never inside an answers folder)."""
    if os.environ.get("COMMGEN_CONFIG"):
        return Path(os.environ["COMMGEN_CONFIG"]).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("commgen", appauthor=False))


def _key_file(key_id: str) -> Path:
    return config_dir() / "keys" / f"{key_id}.key"


def _keyring():  # type: ignore[no-untyped-def]
    """The keyring module when the OS has a usable keyring, else None."""
    if os.environ.get("COMMGEN_KEYRING", "1") == "0":
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    return None if isinstance(backend, fail.Keyring) else keyring


def _keyring_errors() -> tuple[type[BaseException], ...]:
    from keyring.errors import KeyringError

    return (KeyringError, OSError, RuntimeError)


def valid_id(key_id: object) -> bool:
    return isinstance(key_id, str) and bool(_ID.match(key_id))


def new_key() -> bytes:
    """A fresh random key (not stored yet: see ``store_key``)."""
    return secrets.token_bytes(32)


def store_key(key: bytes) -> str:
    """Keep ``key`` on this computer (keyring, else a user-only file); return its new id."""
    key_id = secrets.token_hex(8)
    ring = _keyring()
    stored = False
    if ring is not None:
        try:
            ring.set_password(SERVICE, key_id, key.hex())
            stored = True
        except _keyring_errors():
            stored = False
    if not stored:
        _write_key_file(key_id, key)
    _cache[key_id] = key
    return key_id


def _write_key_file(key_id: str, key: bytes) -> None:
    path = _key_file(key_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # Windows: the profile folder is the user's already
        os.chmod(path.parent, 0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")


def load_key(key_id: str) -> bytes | None:
    """The key with this id on this machine, or None (another computer, or forgotten)."""
    if not valid_id(key_id):
        return None
    if key_id in _cache:
        return _cache[key_id]
    key: bytes | None = None
    ring = _keyring()
    if ring is not None:
        try:
            stored = ring.get_password(SERVICE, key_id)
        except _keyring_errors():
            stored = None
        key = bytes.fromhex(stored) if stored else None
    if key is None:
        with contextlib.suppress(OSError, ValueError):
            key = bytes.fromhex(_key_file(key_id).read_text(encoding="ascii").strip())
    _cache[key_id] = key
    return key


def forget(key_id: str) -> bool:
    """Delete one key everywhere it may be; True when something was deleted."""
    if not valid_id(key_id):
        return False
    deleted = False
    ring = _keyring()
    if ring is not None:
        with contextlib.suppress(*_keyring_errors()):
            ring.delete_password(SERVICE, key_id)
            deleted = True
    with contextlib.suppress(FileNotFoundError):
        _key_file(key_id).unlink()
        deleted = True
    _cache.pop(key_id, None)
    return deleted


def known_ids() -> list[str]:
    """The ids of the keys kept in files (the OS keyring cannot list its entries)."""
    folder = config_dir() / "keys"
    return sorted(p.stem for p in folder.glob("*.key") if valid_id(p.stem)) if folder.is_dir() \
        else []
