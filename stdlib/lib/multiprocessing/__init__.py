"""multiprocessing: processes with a threading-like API (gilpy, fork only).

Design: CPython 3.11's API written in Python over the C core `_mp`
(stdlib/mod_mp.c: process-shared semaphores and memory, poll) and pickle
(CPython's pickle.py over the C _pickle, stdlib/mod_pickle.c).  Every public name is a bound method of the default
context, as in CPython.  See process.py, queues.py, connection.py,
synchronize.py, sharedctypes.py and pool.py.
"""

import sys
from . import context

__all__ = [x for x in dir(context._default_context) if not x.startswith('_')]
globals().update((name, getattr(context._default_context, name)) for name in __all__)

SUBDEBUG = 5
SUBWARNING = 25
