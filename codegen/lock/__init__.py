"""The field-number lock: its file format (`format`, `parse`) and numbering a draft with it (`numbering`)."""

from .format import EnumLock, FieldLock, Lock, MessageLock, dump_lock, lock_pointer
from .numbering import number
from .parse import load_lock, parse_lock

__all__ = [
    "EnumLock",
    "FieldLock",
    "Lock",
    "MessageLock",
    "dump_lock",
    "load_lock",
    "lock_pointer",
    "number",
    "parse_lock",
]
