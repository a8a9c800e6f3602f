# {**m} in a dict display: a mapping's keys() and [] (CPython's PyDict_Update);
# only a missing attribute becomes "'X' object is not a mapping", the mapping's
# own errors pass through (so does `case {**rest}`)


class KeysFail:
    def keys(self):
        raise TypeError("keys failed")


class AttrFail:
    def keys(self):
        raise AttributeError("inner")


class KV:
    def keys(self):
        return ["a", "b"]

    def __getitem__(self, k):
        return k * 2


class GetFail:
    def keys(self):
        return ["a"]

    def __getitem__(self, k):
        raise TypeError("getitem failed")


for v in [1, [("a", 1)], "ab", KeysFail(), AttrFail(), KV(), GetFail(), {1: 2}, None]:
    try:
        print({**v})
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print({"x": 0, **v, "y": 1})
    except Exception as e:
        print(type(e).__name__, e)
