from collections import OrderedDict

class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key, default=None):
        if key in self.data:
            self.data.move_to_end(key)
            self.hits += 1
            return self.data[key]
        self.misses += 1
        return default

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            old, _ = self.data.popitem(last=False)
            print(f"  evict {old!r}")

    def __repr__(self):
        items = ", ".join(f"{k!r}: {v!r}" for k, v in self.data.items())
        return f"LRUCache({self.capacity}, {{{items}}})"

    def __len__(self):
        return len(self.data)

c = LRUCache(3)
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    c.put(k, v)
print(c)
print(c.get("a"), c.get("z", "missing"))
c.put("d", 4)
print(c, len(c))
c.put("c", 30)
c.put("e", 5)
print(c, c.hits, c.misses)
print(list(c.data.keys()), list(c.data.values()))
try:
    LRUCache(0)
except ValueError as e:
    print(e)

class TTLDict(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.reads = 0
    def __getitem__(self, key):
        self.reads += 1
        return super().__getitem__(key)
    def __missing__(self, key):
        return f"<no {key}>"
    def __repr__(self):
        return f"TTLDict({dict.__repr__(self)})"

d = TTLDict(x=1, y=2)
print(d["x"], d["nope"], d.reads, d, len(d), isinstance(d, dict))
print(d.get("nope", "dflt"), "x" in d, sorted(d))
d.update({"z": 3})
print(d, {**d, "w": 0})

class DefaultList(list):
    def __init__(self, default, *a):
        super().__init__(*a)
        self.default = default
    def __getitem__(self, i):
        try:
            return super().__getitem__(i)
        except IndexError:
            return self.default
dl = DefaultList(0, [1, 2, 3])
print(dl[1], dl[10], dl, len(dl), dl + [4], type(dl + [4]).__name__)
dl.append(9)
print(dl, sum(dl), dl[1:3], type(dl[1:3]).__name__)

class UpperStr(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
    def shout(self):
        return self + "!"
u = UpperStr("hello")
print(u, repr(u), u.shout(), len(u), u.lower(), type(u.lower()).__name__, isinstance(u, str))
