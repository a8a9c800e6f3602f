# The _json accelerator: decoding errors and positions, hooks, escapes, encoding
# of every builtin type, keys, separators, circular references, default=.
import json
from collections import OrderedDict
docs = ['"\\x"', '"abc', '"a\x01"', '"\\u12"', '"\\u12zz"', '{"a" 1}', '{"a":1,}', '[1,]', '[1 2]', '{1:2}', '', '  ',
        'nul', '[', '{', '{"a":', '-', '1.', '1e', '-Infinity', 'NaN', 'Infinity', '[1] x', '"\\ud834\\udd1e"', '"\\ud834x"',
        '"\\ud834"', '"\\udd1e\\ud834"', '01', '-0', '1.5e3', '1E+2', '2e-3', '123456789012345678901234567890', '"\\', '["a",',
        '{"a":1 "b":2}', ' {} ', '{"a":1, 2}', '[-]', 'tru', '1e5000', '[1,2,3', '"é"', '["é", "ü", x]', '{"é": [1, 2}',
        '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"tab\there"', '"\\u00e9\\u20ac\\U0001"', '[[[[[]]]]]', '{"a": {"b": {"c": null}}}',
        '"\\uD834\\uDD1E"', '"\\ud834\\u0041"', '"x\\ud834\\', '{"a":1}{', '[true, false, null]', '-12.5e-1', '1.0',
        '{"a": 1, "a": 2}', '\ufeff[]', '"\x7f"', '[1.5, -0.0, 1e-7]', '"\\u0000"']
for s in docs:
    try:
        print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), "ERR", e, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(s), type(e).__name__, e)
print(json.loads('"a\x01b"', strict=False))
print(json.loads('{"b": 1, "a": [2]}', object_pairs_hook=OrderedDict))
print(json.loads('{"b": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2, NaN]', parse_float=str, parse_int=lambda s: int(s) * 10, parse_constant=lambda c: c.lower()))
dec = json.JSONDecoder()
print(dec.raw_decode('[1, 2] tail'), dec.raw_decode('  {"x": "ü"} more', 2) if False else dec.raw_decode('{"x": "ü"} more'))
print(json.decoder.scanstring('"abc" def', 1), json.decoder.scanstring('ab"c"', 3))
try: json.decoder.scanstring('abc', 10)
except ValueError as e: print(e)
try: dec.scan_once('abc', -1)
except ValueError as e: print(e)
try: dec.scan_once('abc', 5)
except StopIteration as e: print("stop", e.value)
# encoding
vals = [None, True, False, 0, -5, 2**70, 1.5, -0.0, 1e300, 1e-7, float('inf'), float('-inf'), float('nan'), "", "é€😀\x00\x1f\x7f\"\\/\n",
        [], {}, [1, [2, [3]]], (1, 2), {"a": 1, 2: "b", 1.5: None, True: 1, None: 2, False: 3}, {"é": {"ü": []}}]
for v in vals:
    print(json.dumps(v), json.dumps(v, ensure_ascii=False), json.dumps(v, separators=(',', ':'), sort_keys=False))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
for bad in [{(1, 2): 3}, float('nan'), {1: 2, "a": 3}, object()]:
    try: print(json.dumps(bad, allow_nan=False, sort_keys=True))
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
l = [1]; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
d = {}; d["d"] = d
try: json.dumps(d)
except ValueError as e: print(e)
class P:
    def __init__(self, x): self.x = x
print(json.dumps([P(1), P(P(2))], default=lambda o: {"P": o.x}))
class IntS(int): 
    def __repr__(self): return "nope"
class FloatS(float):
    def __repr__(self): return "nope"
class StrS(str): pass
print(json.dumps([IntS(3), FloatS(2.5), StrS("s"), {StrS("k"): IntS(1)}]))
print(json.dumps({"a": [1, 2]}, indent=2))
print(json.encoder.encode_basestring("é\n\"x"), json.encoder.encode_basestring_ascii("é\n\"x😀"))
print(json.dumps("x" * 10, ensure_ascii=True), json.loads(json.dumps("\ud834")) == "\ud834")
big = {"k%d" % i: [i, str(i), i * 0.5, {"n": None}] for i in range(2000)}
assert json.loads(json.dumps(big)) == big
print("roundtrip ok", len(json.dumps(big)))
try: json.loads("[" * 100000)
except RecursionError as e: print("RecursionError")
deep = []
for i in range(100000): deep = [deep]
try: json.dumps(deep)
except RecursionError as e: print("RecursionError")
