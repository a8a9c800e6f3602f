"""The start method the processes/ tests run under (a helper, not a test).

    GILPY_TEST_START_METHOD=spawn python3 tests/run.py --gilpy build/gilpy processes

runs them under spawn (likewise forkserver or fork); without the variable they
use the platform's default, fork on Linux as in CPython 3.11.  A test imports
this module before it makes any multiprocessing object.  Under spawn and
forkserver a child imports the test's script again (as __mp_main__), so the
tests that import this keep what starts processes under
`if __name__ == '__main__':`; the seed tutorial's scripts (seed_*), which have
no such guard, run under fork only, as CPython would need.
"""
import multiprocessing
import os

METHOD = os.environ.get('GILPY_TEST_START_METHOD') or None
if METHOD:
    multiprocessing.set_start_method(METHOD, force=True)
