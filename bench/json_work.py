# json round trips of a list of records.
import json

data = [{"id": i, "name": "item%d" % i, "tags": ["a", "b", str(i % 7)], "price": i * 1.25,
         "ok": i % 3 == 0, "meta": {"x": i, "y": None}} for i in range(20000)]
n = 0
for k in range(3):
    s = json.dumps(data)
    back = json.loads(s)
    n += len(s) + len(back)
print(n)
