"""Serialize Python objects (gilpy).

Design: the engine is runtime/serialize.c, reached through the C module
`_pickle`.  The bytes are gilpy's own versioned format (see the README), not
CPython's pickle opcodes: they are meant for gilpy processes talking to each
other (multiprocessing), not for files shared with CPython.  `protocol` is
accepted for compatibility and ignored.  Objects are reduced as CPython's
pickler reduces them: copyreg.dispatch_table first, then __reduce_ex__ and
__reduce__ with the whole protocol (2- to 6-tuples, copyreg.__newobj__).
"""

from copyreg import dispatch_table   # consulted by the engine (runtime/serialize.c)
from _pickle import dumps, loads, PickleError, PicklingError, UnpicklingError

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4

__all__ = ['PickleError', 'PicklingError', 'UnpicklingError', 'dump', 'dumps',
           'load', 'loads', 'HIGHEST_PROTOCOL', 'DEFAULT_PROTOCOL']


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write the pickled representation of obj to the open binary file."""
    file.write(dumps(obj, protocol))


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    """Read a pickled object from the open binary file."""
    return loads(file.read())
