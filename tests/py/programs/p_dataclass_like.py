from functools import total_ordering

@total_ordering
class Version:
    def __init__(self, text):
        parts = text.split(".")
        if not all(p.isdigit() for p in parts):
            raise ValueError(f"invalid version: {text!r}")
        self.parts = tuple(int(p) for p in parts)

    def __repr__(self):
        return f"Version('{self}')"

    def __str__(self):
        return ".".join(map(str, self.parts))

    def _key(self):
        p = list(self.parts)
        while p and p[-1] == 0:
            p.pop()
        return tuple(p)

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __hash__(self):
        return hash(self._key())

    def bump(self, level=-1):
        p = list(self.parts)
        p[level] += 1
        for i in range(len(p) + level + 1 if level < 0 else level + 1, len(p)):
            p[i] = 0
        return Version(".".join(map(str, p)))

vs = [Version(v) for v in ["1.10", "1.2", "1.2.0", "0.9.9", "2.0", "1.2.1"]]
print(sorted(vs))
print(max(vs), min(vs), Version("1.2") == Version("1.2.0"), len(set(vs)))
print(Version("1.2") <= Version("1.2.0"), Version("1.3") > Version("1.2.9"), Version("2") >= Version("10"))
print(Version("1.2.3").bump(), Version("1.2.3").bump(0), Version("1.2.3").bump(1))
try:
    Version("1.x")
except ValueError as e:
    print(e)
print(Version("1.0") == "1.0", Version("1.0") != "1.0")
try:
    Version("1.0") < "1.0"
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

class Record:
    fields = ()
    def __init__(self, *args, **kwargs):
        if len(args) > len(self.fields):
            raise TypeError(f"expected at most {len(self.fields)} arguments, got {len(args)}")
        values = dict(zip(self.fields, args))
        for k, v in kwargs.items():
            if k not in self.fields:
                raise TypeError(f"unexpected field {k!r}")
            if k in values:
                raise TypeError(f"duplicate value for {k!r}")
            values[k] = v
        missing = [f for f in self.fields if f not in values]
        if missing:
            raise TypeError(f"missing: {', '.join(missing)}")
        for k in self.fields:
            setattr(self, k, values[k])
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.fields)
        return f"{type(self).__name__}({inner})"
    def __eq__(self, other):
        return type(self) is type(other) and all(getattr(self, f) == getattr(other, f) for f in self.fields)
    def astuple(self):
        return tuple(getattr(self, f) for f in self.fields)

class Person(Record):
    fields = ("name", "age", "city")

class Point3(Record):
    fields = ("x", "y", "z")

p = Person("Ann", 31, city="Oslo")
print(p, p.astuple(), p == Person("Ann", 31, "Oslo"), p == Point3(1, 2, 3))
for args, kw in [((1, 2, 3, 4), {}), ((1,), {"x": 2}), ((1, 2), {}), ((), {"w": 1})]:
    try:
        Point3(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
people = [Person("Bo", 25, "Rome"), Person("Al", 40, "Oslo"), Person("Cy", 25, "Bern")]
print(sorted(people, key=lambda q: (q.age, q.name)))
print([q.name for q in sorted(people, key=Person.astuple)])
print(p.__dict__, Person.__dict__["fields"], Person.__name__, type(p).__mro__[1].__name__)
print(Version.__lt__.__name__, Version.__le__.__name__, hasattr(Version, "__ge__"))
