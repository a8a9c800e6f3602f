# `x += e` and `x = x + e` on a function's local str/bytes: values that were
# shared before the append never change (the interpreter may extend in place).
import sys


def shared_through_list():
    seen = []
    s = ""
    for i in range(5):
        s += str(i)
        seen.append(s)
    b = b""
    bs = []
    for i in range(4):
        b = b + bytes([65 + i])
        bs.append(b)
    print(seen, bs)


def shared_through_names():
    s = "ab"
    s += "c"
    t = s
    s += "d"
    u = s
    s = s + "e"
    print(s, t, u, s is t, s is u)


def shared_through_dict_and_set():
    s = "k"
    d = {}
    for i in range(4):
        s += "x"
        d[s] = i
    print(sorted(d.items()), "kxx" in d, {s} == {"kxxxx"})


def empty_left_is_right():
    t = "hello world"
    s = ""
    s += t
    print(s is t, s)
    s += "!"
    print(s, t)
    e = b""
    bt = b"xyz"
    e = e + bt
    print(e is bt)


def self_append():
    s = "ab"
    s += s
    s = s + s
    print(s)
    b = b"12"
    b += b
    print(b)


def walrus_in_operand():
    s = "a"
    s += "b"
    s = s + (s := "q") + s
    print(s)


def locals_snapshot():
    s = "p"
    snaps = []
    for i in range(3):
        s += "q"
        snaps.append(locals()["s"])
    s += "r"
    print(snaps, s)


def frame_f_locals():
    s = "f"
    f = sys._getframe()
    kept = []
    for i in range(3):
        s += "g"
        kept.append(f.f_locals["s"])
    s += "h"
    print(kept, s)


def gen():
    s = ""
    for c in "xyz":
        s += c
        yield s


def in_generator():
    out = list(gen())
    print(out)


def non_ascii():
    s = "π"
    for i in range(5):
        s += "ж" if i % 2 else "z"
    print(s, len(s), s[3], s[-1], s.upper(), hash(s) == hash("πzжzжz"))
    t = ""
    for i in range(100):
        t += chr(0x1F600 + i % 3)
    print(len(t), t[:5], t.count(chr(0x1F601)))


def errors():
    s = "a"
    try:
        s += 1
    except TypeError as e:
        print(e, s)
    try:
        s = s + None
    except TypeError as e:
        print(e, s)
    b = b"a"
    try:
        b += "x"
    except TypeError as e:
        print(e, b)
    try:
        del s
        s += "x"
    except UnboundLocalError as e:
        print(e)

    def boom():
        raise ValueError("boom")
    s = "keep"
    try:
        s += boom()
    except ValueError:
        print(s)


class Tail(str):
    def __radd__(self, other):
        return "radd(" + other + ")"


def other_types():
    s = "head"
    s += Tail("t")
    print(s, type(s).__name__)
    s = "x"
    s = s + Tail("u")
    print(s)
    l = [1]
    m = l
    l += [2]
    print(l, m, l is m)
    l = l + [3]
    print(l, m, l is m)
    n = 5
    n += 2
    n = n + 0.5
    print(n)
    ba = bytearray(b"ab")
    bb = ba
    ba += b"c"
    print(ba, bb is ba)
    b = b"x"
    b += bytearray(b"y")
    b = b + memoryview(b"z")
    print(b, type(b).__name__)


def closure_cell():
    s = "c"

    def get():
        return s
    s += "d"
    first = get()
    s += "e"
    print(first, get())


def long_build():
    s = ""
    for i in range(20000):
        s += str(i % 10)
    b = b""
    for i in range(20000):
        b += b"%d" % (i % 10)
    print(len(s), s[:12], s[-5:], len(b), b[-5:], s.encode() == b)


for fn in (shared_through_list, shared_through_names, shared_through_dict_and_set,
           empty_left_is_right, self_append, walrus_in_operand, locals_snapshot,
           frame_f_locals, in_generator, non_ascii, errors, other_types,
           closure_cell, long_build):
    fn()
