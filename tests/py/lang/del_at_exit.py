# test: sort-lines
# Objects with __del__ that only module globals hold are finalized at exit,
# with the globals still in place (CPython's finalize_modules + collection).
import sys


class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("closing", self.name, len(registry))


registry = {"a": 1}
r1 = Res("global")
items = [Res("in a list")]


class Node:
    def __init__(self):
        self.me = self
        self.res = Res("in a cycle")


n = Node()


def make():
    return Res("returned")


kept = make()
gen = (x for x in [Res("in a generator")])
print("main done")
sys.stdout.flush()
