# match: the errors raised while matching (TypeError, ValueError, and the
# subject's own exceptions), with CPython's messages
import collections.abc


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


class NoArgs:
    pass


class ListArgs:
    __match_args__ = ["a"]


class BadName:
    __match_args__ = ("a", 2)
    a = 1


class Twice:
    __match_args__ = ("a", "a")
    a = 1


class One:
    __match_args__ = ("a",)
    a = 1


def m_noargs(x):
    match x:
        case NoArgs(1):
            return "matched"
    return "no"


def m_listargs(x):
    match x:
        case ListArgs(1):
            return "matched"
    return "no"


def m_badname(x):
    match x:
        case BadName(1, 2):
            return "matched"
    return "no"


def m_twice(x):
    match x:
        case Twice(a, b):
            return "matched"
    return "no"


def m_kw_twice(x):
    match x:
        case One(v, a=w):
            return "matched"
    return "no"


def m_int2(x):
    match x:
        case int(a, b):
            return "matched"
    return "no"


def m_bool2(x):
    match x:
        case bool(a, b):
            return "matched"
    return "no"


def m_one2(x):
    match x:
        case One(a, b):
            return "matched"
    return "no"


not_a_class = len
instance = One()


def m_notclass(x):
    match x:
        case not_a_class():
            return "matched"
    return "no"


def m_instance(x):
    match x:
        case instance.__class__.__init__():
            return "matched"
    return "no"


attempt("NoArgs(1) on an instance", lambda: m_noargs(NoArgs()))
attempt("NoArgs(1) on an int (isinstance fails first)", lambda: m_noargs(1))
attempt("__match_args__ a list", lambda: m_listargs(ListArgs()))
attempt("__match_args__ with an int", lambda: m_badname(BadName()))
attempt("__match_args__ naming a twice", lambda: m_twice(Twice()))
attempt("positional and keyword a", lambda: m_kw_twice(One()))
attempt("int(a, b)", lambda: m_int2(5))
attempt("bool(a, b)", lambda: m_bool2(True))
attempt("One(a, b)", lambda: m_one2(One()))
attempt("calling len()", lambda: m_notclass(1))
attempt("calling a function", lambda: m_instance(1))


# duplicate keys found at run time (value patterns)
class K:
    A = "k"
    B = "k"
    L = [1]


def m_dupkeys(x):
    match x:
        case {K.A: _, K.B: _}:
            return "matched"
    return "no"


def m_unhashable(x):
    match x:
        case {K.L: _}:
            return "matched"
    return "no"


attempt("duplicate keys", lambda: m_dupkeys({"k": 1, "j": 2}))
attempt("duplicate keys, too short", lambda: m_dupkeys({"k": 1}))
attempt("unhashable key", lambda: m_unhashable({"k": 1}))


# the subject's own exceptions propagate
class BadLen(collections.abc.Sequence):
    def __len__(self):
        raise RuntimeError("no length")

    def __getitem__(self, i):
        return i


class BadGet(dict):
    def get(self, key, default=None):
        raise KeyError("get failed")


class BadInstanceCheck(type):
    def __instancecheck__(cls, obj):
        raise ZeroDivisionError("instancecheck")


class Weird(metaclass=BadInstanceCheck):
    pass


class BadAttr:
    __match_args__ = ("x",)

    @property
    def x(self):
        raise ValueError("x is broken")


class NotMapping:
    def keys(self):
        raise TypeError("keys failed")


collections.abc.Mapping.register(NotMapping)


def m_seq(x):
    match x:
        case [a, b]:
            return "two"
    return "no"


def m_map(x):
    match x:
        case {"a": 1}:
            return "a"
    return "no"


def m_weird(x):
    match x:
        case Weird():
            return "weird"
    return "no"


def m_attr(x):
    match x:
        case BadAttr(1):
            return "one"
    return "no"


def m_rest(x):
    match x:
        case {**rest}:
            return rest
    return "no"


attempt("__len__ raises", lambda: m_seq(BadLen()))
attempt("get raises", lambda: m_map(BadGet(a=1)))
attempt("__instancecheck__ raises", lambda: m_weird(1))
attempt("property raises", lambda: m_attr(BadAttr()))
attempt("**rest of a mapping without items", lambda: m_rest(NotMapping()))


# a failed match leaves nothing behind: the function still works afterwards
for i in range(3):
    attempt("again %d" % i, lambda: m_seq([1, 2]))
