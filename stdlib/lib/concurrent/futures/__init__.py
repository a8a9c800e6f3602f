"""Execute computations asynchronously using threads (gilpy).

The Future type, wait() and as_completed() live in `_base`, the thread pool
in `thread`.  ProcessPoolExecutor is imported lazily on first use (PEP 562
module __getattr__) from `process`, so that importing concurrent.futures
never pays for multiprocessing; while `process` does not exist the name
raises a clear ImportError.
"""

from concurrent.futures._base import (FIRST_COMPLETED,
                                      FIRST_EXCEPTION,
                                      ALL_COMPLETED,
                                      CancelledError,
                                      TimeoutError,
                                      InvalidStateError,
                                      BrokenExecutor,
                                      Future,
                                      Executor,
                                      wait,
                                      as_completed)
from concurrent.futures.thread import ThreadPoolExecutor

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
    'ThreadPoolExecutor',
)


def __dir__():
    return __all__ + ('__author__', '__doc__')


def __getattr__(name):
    if name == 'ProcessPoolExecutor':
        try:
            from concurrent.futures.process import ProcessPoolExecutor
        except ImportError as exc:
            raise ImportError("concurrent.futures.ProcessPoolExecutor is not "
                              "available yet in gilpy (it needs multiprocessing)"
                              ) from exc
        globals()[name] = ProcessPoolExecutor
        return ProcessPoolExecutor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
