"""signal: the Python half over the C module _signal (stdlib/mod_signal.c).

As in CPython, signal() and getsignal() are Python functions over _signal's, so
a wrong call is reported as for any Python function ("signal() missing 1
required positional argument: 'handler'"); everything else is _signal's own.
gilpy has no enum module yet, so signal numbers and handlers stay plain ints
(CPython converts them to Signals and Handlers members here).
"""
import _signal
from _signal import *


def signal(signalnum, handler):
    return _signal.signal(signalnum, handler)


def getsignal(signalnum):
    return _signal.getsignal(signalnum)


signal.__doc__ = _signal.signal.__doc__
getsignal.__doc__ = _signal.getsignal.__doc__
