from abc import ABC, abstractmethod

class Exporter(ABC):
    registry = {}

    def __init_subclass__(cls, fmt=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if fmt:
            Exporter.registry[fmt] = cls
            cls.fmt = fmt

    @abstractmethod
    def export(self, rows):
        ...

    def header(self):
        return f"# exported as {self.fmt}"

class CSVExporter(Exporter, fmt="csv"):
    def export(self, rows):
        return "\n".join(",".join(map(str, r)) for r in rows)

class TSVExporter(CSVExporter, fmt="tsv"):
    def export(self, rows):
        return super().export(rows).replace(",", "\t")

class MarkdownExporter(Exporter, fmt="md"):
    def export(self, rows):
        head, *body = rows
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(map(str, r)) + " |" for r in body]
        return "\n".join(lines)

class Broken(Exporter):
    pass

rows = [("name", "qty"), ("apple", 3), ("kiwi", 12)]
print(sorted(Exporter.registry))
for fmt, cls in Exporter.registry.items():
    ex = cls()
    print(ex.header())
    print(ex.export(rows))
try:
    Broken()
except TypeError as e:
    print("TypeError:", e)
try:
    Exporter()
except TypeError as e:
    print("TypeError:", e)
print(isinstance(TSVExporter(), CSVExporter), issubclass(MarkdownExporter, ABC), TSVExporter.fmt)

class Field:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.public = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        self.validate(value)
        setattr(obj, self.name, value)
    def validate(self, value):
        pass

class PositiveInt(Field):
    def validate(self, value):
        if not isinstance(value, int) or value <= 0:
            raise ValueError(f"{self.public} must be a positive int, got {value!r}")

class NonEmpty(Field):
    def validate(self, value):
        if not value:
            raise ValueError(f"{self.public} must not be empty")

class Product:
    name = NonEmpty()
    qty = PositiveInt()
    def __init__(self, name, qty):
        self.name = name
        self.qty = qty
    def __repr__(self):
        return f"Product({self.name!r}, {self.qty})"

p = Product("bolt", 10)
print(p, p.__dict__, type(Product.qty).__name__, Product.qty.public)
for args in [("", 1), ("nut", 0), ("nut", 2.5), ("nut", 5)]:
    try:
        print(Product(*args))
    except ValueError as e:
        print("ValueError:", e)

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append(name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(f"cannot set private attribute {name!r}")
        setattr(self._target, name, value)

px = Proxy(p)
print(px.name, px.qty, px._log)
px.qty = 99
print(p.qty)
try:
    px._secret = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    px.missing
except AttributeError as e:
    print("AttributeError:", e)
