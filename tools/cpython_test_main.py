"""Run one of CPython's test modules as `python -m unittest MODULE` does, leaving
out the tests whose ids contain one of the given strings (run by
tools/cpython_tests.py under gilpy and under python3.11 alike, from the library
directory: see EXCLUDED there for why a test is left out).

    INTERP tools/cpython_test_main.py test.test_socket ThreadedVSOCKSocketStreamTest
"""
import os
import sys
import unittest


class PruningLoader(unittest.TestLoader):
    def __init__(self, excluded):
        super().__init__()
        self.excluded = excluded

    def loadTestsFromName(self, name, module=None):
        return self.prune(super().loadTestsFromName(name, module))

    def prune(self, suite):
        kept = unittest.TestSuite()
        for test in suite:
            if isinstance(test, unittest.TestSuite):
                kept.addTest(self.prune(test))
            elif not any(s in test.id() for s in self.excluded):
                kept.addTest(test)
        return kept


if __name__ == "__main__":
    sys.path[0] = os.getcwd()           # as -m puts the working directory first
    unittest.main(module=None, argv=["python -m unittest", sys.argv[1]],
                  testLoader=PruningLoader(sys.argv[2:]), verbosity=2)
