"""Run one of CPython's test modules as `python -m unittest MODULE` does, leaving
out the tests whose ids contain one of the given strings (run by
tools/cpython_tests.py under gilpy and under python3.11 alike, from the library
directory: see EXCLUDED there for why a test is left out).

    INTERP tools/cpython_test_main.py test.test_socket ThreadedVSOCKSocketStreamTest

A module whose tests only its test_main() chooses (test_xml_etree: test_main()
sets the ElementTree module under test) is run that way, as CPython's regrtest
runs it:

    INTERP tools/cpython_test_main.py --test-main test.test_xml_etree
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


def run_test_main(name):
    import importlib
    from test import support
    support.verbose = 2                 # skip reasons in the output, as unittest -v
    try:
        importlib.import_module(name).test_main()
    except support.TestFailed:
        pass                            # the runner has printed the summary


if __name__ == "__main__":
    sys.path[0] = os.getcwd()           # as -m puts the working directory first
    if sys.argv[1] == "--test-main":
        run_test_main(sys.argv[2])
        sys.exit(0)
    unittest.main(module=None, argv=["python -m unittest", sys.argv[1]],
                  testLoader=PruningLoader(sys.argv[2:]), verbosity=2)
