from collections import namedtuple, defaultdict, OrderedDict

Item = namedtuple("Item", "sku name category price qty")

RAW = """
A100 | Widget        | tools    |  2.50 | 100
A101 | Gadget        | tools    | 12.00 |  15
B200 | Apple         | produce  |  0.40 | 500
B201 | Banana        | produce  |  0.25 | 300
C300 | Notebook      | office   |  3.75 |  60
C301 | Pen (blue)    | office   |  1.10 | 240
C302 | Stapler       | office   |  8.99 |   0
A102 | Doohickey     | tools    | 45.00 |   3
"""

items = []
for line in RAW.strip().splitlines():
    sku, name, cat, price, qty = [f.strip() for f in line.split("|")]
    items.append(Item(sku, name, cat, float(price), int(qty)))

print(items[0])
print(items[0]._fields, items[0].name, items[0][3])
print(items[1]._asdict())
print(items[2]._replace(qty=0))
value = lambda it: it.price * it.qty
by_cat = defaultdict(list)
for it in items:
    by_cat[it.category].append(it)

print(f"{'SKU':<6}{'Name':<14}{'Price':>8}{'Qty':>6}{'Value':>10}")
for cat in sorted(by_cat):
    print(f"[{cat.upper()}]")
    for it in sorted(by_cat[cat], key=value, reverse=True):
        flag = " (out of stock)" if it.qty == 0 else ""
        print(f"{it.sku:<6}{it.name:<14}{it.price:>8.2f}{it.qty:>6}{value(it):>10.2f}{flag}")
    subtotal = sum(map(value, by_cat[cat]))
    print(f"{'':<34}{subtotal:>10.2f}")
total = sum(value(it) for it in items)
print(f"{'TOTAL':<34}{total:>10.2f}")
print("out of stock:", [it.name for it in items if not it.qty])
low = sorted((it for it in items if 0 < it.qty < 20), key=lambda it: it.qty)
print("low stock:", ", ".join(f"{it.name}({it.qty})" for it in low))
cheapest = min(items, key=lambda it: it.price)
print("cheapest:", cheapest.name, cheapest.price)
avg = {c: round(sum(i.price for i in v) / len(v), 3) for c, v in by_cat.items()}
print(avg)
od = OrderedDict(sorted(((it.sku, it.qty) for it in items)))
od.move_to_end("A100")
print(list(od.items())[:3], next(reversed(od)))
od.popitem(last=False)
print(list(od)[:4])
Point = namedtuple("Point", ["x", "y"], defaults=[0])
p = Point(3)
print(p, p + (1,), p._make([5, 6]), Point._fields, p == (3, 0))
x, y = Point(7, 8)
print(x * y, Point(*map(int, "4 5".split())))
